package dev.threeam.store;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Rows written beside the state they show, in the caller's transaction. Only {@link Outbox} uses it. */
interface OutboxWrites {

    @SqlUpdate("""
            INSERT INTO outbox (incident_id, kind, priority, payload, status, attempts, not_before, created_at)
            VALUES (:incident, :kind, :priority, :payload, 'pending', 0, :at, :at)""")
    void enqueue(@Bind("incident") String incidentId, @Bind("kind") String kind, @Bind("priority") int priority,
            @Bind("payload") String payload, @Bind("at") Instant at);

    /** The one pending redraw of a card: a change meanwhile rides on it, or (while it is being sent) asks for one more. */
    @UseClasspathSqlLocator
    @SqlUpdate
    void redrawCard(@Bind("incident") String incidentId, @Bind("priority") int priority, @Bind("key") String key,
            @Bind("notBefore") Instant notBefore, @Bind("now") Instant now);
}
