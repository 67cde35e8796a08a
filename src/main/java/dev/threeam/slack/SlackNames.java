package dev.threeam.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plain names of Slack users and user groups, for messages that must not notify anyone (a drill's): users from
 * {@code users.info}, groups from one {@code usergroups.list} for all of them. Names are remembered for {@code ttl}
 * (they change rarely, and a drill thread names the same few people in every message). A lookup that fails answers
 * the last name known, else the id, and is tried again a minute later: a name is never worth a mention.
 */
public final class SlackNames {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    /** How long a failed lookup is left alone before it is tried again. */
    static final Duration AFTER_FAILURE = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(SlackNames.class);

    private final SlackGateway slack;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Known> users = new ConcurrentHashMap<>();
    private volatile Groups groups;

    public SlackNames(SlackGateway slack, Duration ttl, Clock clock) {
        this.slack = slack;
        this.ttl = ttl;
        this.clock = clock;
    }

    public SlackNames(SlackGateway slack, Clock clock) {
        this(slack, DEFAULT_TTL, clock);
    }

    /** The name of a user ({@code U…}, {@code W…}) or user group ({@code S…}); the id itself when it has none. */
    public String of(String id) {
        if (id == null || id.isBlank()) {
            return "someone";
        }
        if (id.startsWith("S")) {
            return group(id);
        }
        return id.startsWith("U") || id.startsWith("W") ? user(id) : id;
    }

    private String user(String id) {
        Instant now = clock.instant();
        Known known = users.get(id);
        if (known != null && now.isBefore(known.until())) {
            return known.name();
        }
        try {
            String name = slack.userName(id).orElse(id);
            users.put(id, new Known(name, now.plus(ttl)));
            return name;
        } catch (SlackCallException e) {
            LOG.debug("users.info {}: {}", id, e.getMessage());
            String name = known != null ? known.name() : id;
            users.put(id, new Known(name, now.plus(AFTER_FAILURE)));
            return name;
        }
    }

    private String group(String id) {
        Groups current = groups;
        if (current == null || !clock.instant().isBefore(current.until())) {
            current = refreshGroups();
        }
        return current.names().getOrDefault(id, id);
    }

    private synchronized Groups refreshGroups() {
        Instant now = clock.instant();
        Groups current = groups;
        if (current != null && now.isBefore(current.until())) {
            return current; // another thread refreshed them meanwhile
        }
        try {
            current = new Groups(Map.copyOf(slack.userGroupNames()), now.plus(ttl));
        } catch (SlackCallException e) {
            LOG.debug("usergroups.list: {}", e.getMessage());
            current = new Groups(current == null ? Map.of() : current.names(), now.plus(AFTER_FAILURE));
        }
        groups = current;
        return current;
    }

    private record Known(String name, Instant until) {}

    private record Groups(Map<String, String> names, Instant until) {}
}
