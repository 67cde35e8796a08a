package dev.threeam.chart;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The charts incidents were given (V21): asked once per (incident, seq) across replicas, then posted or said as text. */
@RegisterConstructorMapper(Chart.class)
interface ChartStore {

    /** 0 when another replica asked for this chart first. */
    @SqlUpdate("""
            INSERT INTO incident_charts (incident_id, seq, at_resolution, workflow, threshold, breach_started, asked_at, state)
            VALUES (:incidentId, :seq, :atResolution, :workflow, :threshold, :breachStarted, :askedAt, :state)
            ON CONFLICT (incident_id, seq) DO NOTHING""")
    int ask(@BindMethods Chart chart);

    @SqlQuery("SELECT * FROM incident_charts WHERE incident_id = :incident ORDER BY seq DESC LIMIT 1")
    Optional<Chart> last(@Bind("incident") String incidentId);

    @SqlQuery("SELECT * FROM incident_charts WHERE incident_id = :incident AND seq = :seq")
    Optional<Chart> find(@Bind("incident") String incidentId, @Bind("seq") int seq);

    @SqlQuery("SELECT * FROM incident_charts WHERE incident_id = :incident ORDER BY seq")
    List<Chart> all(@Bind("incident") String incidentId);

    /** The latest chart of each incident whose charts have not ended with one at resolution. */
    @SqlQuery("""
            SELECT c.* FROM incident_charts c
            WHERE NOT c.at_resolution AND c.seq = (SELECT MAX(m.seq) FROM incident_charts m WHERE m.incident_id = c.incident_id)""")
    List<Chart> unfinished();

    @SqlUpdate("UPDATE incident_charts SET file_id = :file WHERE incident_id = :incident AND seq = :seq")
    void sharing(@Bind("incident") String incidentId, @Bind("seq") int seq, @Bind("file") String fileId);

    @SqlUpdate("""
            UPDATE incident_charts SET state = :state, detail = :detail, done_at = :at
            WHERE incident_id = :incident AND seq = :seq AND state = 'asked'""")
    int finish(@Bind("incident") String incidentId, @Bind("seq") int seq, @Bind("state") ChartState state,
               @Bind("detail") String detail, @Bind("at") Instant at);
}
