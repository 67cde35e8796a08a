package dev.threeam.slack;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Which Slack message plays which part of an incident's thread (the card, Q1 … Q5, the changes). */
final class SlackMessages {

    private final Jdbi jdbi;

    SlackMessages(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static void remember(Handle handle, String incidentId, String role, String channel, String ts) {
        handle.createUpdate("""
                        INSERT INTO slack_messages (incident_id, role, channel, ts) VALUES (:incident, :role, :channel, :ts)
                        ON CONFLICT (incident_id, role) DO UPDATE SET channel = excluded.channel, ts = excluded.ts""")
                .bind("incident", incidentId).bind("role", role).bind("channel", channel).bind("ts", ts).execute();
    }

    Optional<String> ts(String incidentId, String role) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT ts FROM slack_messages WHERE incident_id = :incident AND role = :role")
                .bind("incident", incidentId).bind("role", role).mapTo(String.class).findOne());
    }
}
