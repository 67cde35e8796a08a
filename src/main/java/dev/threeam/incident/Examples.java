package dev.threeam.incident;

import dev.threeam.common.Mrkdwn;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Failed examples an on-call files from Q5 into the blocking set, the monitoring set or the backlog. */
public final class Examples {

    public static final List<String> SETS = List.of("blocking", "monitoring", "backlog", "noise");
    public static final int MAX_EXAMPLES = 200;

    /** One exported example: what the eval pipeline reads. */
    public record Example(long id, String incidentId, String setName, String example, String addedBy, Instant at) {}

    private final Jdbi jdbi;
    private final Clock clock;

    public Examples(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        jdbi.registerRowMapper(ConstructorMapper.factory(Example.class));
    }

    /** Stores one example per non-blank line (ids, links or text); returns how many. */
    public int add(String incidentId, String set, String text, String user) {
        List<String> lines = text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty())
                .limit(MAX_EXAMPLES).map(line -> Mrkdwn.truncate(line, 4000)).toList();
        if (lines.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            for (String line : lines) {
                handle.createUpdate("INSERT INTO examples (incident_id, set_name, example, added_by, at) VALUES (:incident, :set, :example, :user, :at)")
                        .bind("incident", incidentId).bind("set", set).bind("example", line).bind("user", user).bind("at", now).execute();
            }
            handle.attach(IncidentStore.class).addTimeline(incidentId, now, user, Mrkdwn.user(user) + " added " + lines.size()
                    + (lines.size() == 1 ? " failed example" : " failed examples") + " to the " + set + " set");
        });
        return lines.size();
    }

    public List<Example> inSet(String set) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM examples WHERE set_name = :set ORDER BY id")
                .bind("set", set).mapTo(Example.class).list());
    }

    public List<Example> forIncident(String incidentId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM examples WHERE incident_id = :id ORDER BY id")
                .bind("id", incidentId).mapTo(Example.class).list());
    }
}
