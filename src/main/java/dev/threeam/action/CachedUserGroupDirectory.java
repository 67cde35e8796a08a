package dev.threeam.action;

import dev.threeam.common.ThreeAmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers each group's members for a while, so a burst of button presses costs one Slack call per group.
 * When a refresh fails (Slack rate-limits or is down), the last known members keep answering: membership changes
 * rarely, and refusing every press during a Slack hiccup would be worse.
 */
public final class CachedUserGroupDirectory implements UserGroupDirectory {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private final UserGroupDirectory directory;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CachedUserGroupDirectory(UserGroupDirectory directory, Duration ttl, Clock clock) {
        this.directory = directory;
        this.ttl = ttl;
        this.clock = clock;
    }

    public CachedUserGroupDirectory(UserGroupDirectory directory, Clock clock) {
        this(directory, DEFAULT_TTL, clock);
    }

    @Override
    public Set<String> members(String groupId) {
        Instant now = clock.instant();
        Entry cached = entries.get(groupId);
        if (cached != null && now.isBefore(cached.fetchedAt.plus(ttl))) {
            return cached.members;
        }
        try {
            Set<String> members = Set.copyOf(directory.members(groupId));
            entries.put(groupId, new Entry(members, now));
            return members;
        } catch (ThreeAmException e) {
            if (cached != null) {
                return cached.members;
            }
            throw e;
        }
    }

    /** Forgets every group (after a runbook reload, say). */
    public void invalidateAll() {
        entries.clear();
    }

    private record Entry(Set<String> members, Instant fetchedAt) {}
}
