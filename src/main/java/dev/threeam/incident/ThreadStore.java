package dev.threeam.incident;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Where an incident's thread is in Slack, and which message plays which part of it. */
interface ThreadStore {

    @SqlUpdate("UPDATE incidents SET channel = :channel, ts = :ts, card_updated_at = :at WHERE id = :id")
    void cardPosted(@Bind("id") String id, @Bind("channel") String channel, @Bind("ts") String ts, @Bind("at") Instant at);

    @SqlUpdate("UPDATE incidents SET card_updated_at = :at WHERE id = :id")
    void cardRedrawn(@Bind("id") String id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE incidents SET channel = :channel WHERE id = :id")
    void moveToChannel(@Bind("id") String id, @Bind("channel") String channel);

    @SqlUpdate("""
            INSERT INTO slack_messages (incident_id, role, channel, ts) VALUES (:id, :part, :channel, :ts)
            ON CONFLICT (incident_id, role) DO UPDATE SET channel = excluded.channel, ts = excluded.ts""")
    void posted(@Bind("id") String incidentId, @Bind("part") String part, @Bind("channel") String channel, @Bind("ts") String ts);

    @SqlQuery("SELECT ts FROM slack_messages WHERE incident_id = :id AND role = :part")
    Optional<String> postedTs(@Bind("id") String incidentId, @Bind("part") String part);
}
