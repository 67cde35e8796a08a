package dev.threeam.drill;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code drills} table: one scorecard per drill. */
interface DrillStore {

    @SqlUpdate("""
            INSERT INTO drills (incident_id, workflow, failure_type, started_at, ended_at, passed, scorecard)
            VALUES (:id, :workflow, :type, :started, :ended, :passed, :scorecard)
            ON CONFLICT (incident_id) DO NOTHING""")
    int add(@Bind("id") String incidentId, @Bind("workflow") String workflow, @Bind("type") String failureType,
            @Bind("started") Instant startedAt, @Bind("ended") Instant endedAt, @Bind("passed") boolean passed,
            @Bind("scorecard") String scorecard);
}
