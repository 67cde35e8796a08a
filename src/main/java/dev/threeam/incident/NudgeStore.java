package dev.threeam.incident;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** What {@link Nudges} reads of the timeline: when a person last acted, when the incident was last nudged. */
interface NudgeStore {

    /** Holds the incident's row until the transaction ends, so two replicas never nudge it twice (PostgreSQL). */
    @SqlUpdate("UPDATE incidents SET id = id WHERE id = :id")
    void hold(@Bind("id") String incidentId);

    /** The latest entry a person wrote: a press, an answer, an acknowledgement, a command (Slack users are U… or W…). */
    @SqlQuery("SELECT MAX(at) FROM timeline WHERE incident_id = :id AND (actor LIKE 'U%' OR actor LIKE 'W%')")
    Optional<Instant> lastHumanAction(@Bind("id") String incidentId);

    @SqlQuery("SELECT MAX(at) FROM timeline WHERE incident_id = :id AND kind = 'nudged'")
    Optional<Instant> lastNudge(@Bind("id") String incidentId);
}
