package dev.threeam.incident;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Failed examples filed from Q5, and eval results reported back. */
@RegisterConstructorMapper(Example.class)
interface ExampleStore {

    @SqlBatch("INSERT INTO examples (incident_id, set_name, example, added_by, at) VALUES (:incident, :set, :example, :user, :at)")
    void add(@Bind("incident") String incidentId, @Bind("set") String set, @Bind("example") List<String> examples,
            @Bind("user") String user, @Bind("at") Instant at);

    @SqlQuery("SELECT * FROM examples WHERE set_name = :set ORDER BY id")
    List<Example> inSet(@Bind("set") String set);

    @SqlQuery("SELECT * FROM examples WHERE incident_id = :id ORDER BY id")
    List<Example> forIncident(@Bind("id") String incidentId);

    @SqlUpdate("INSERT INTO eval_results (incident_id, passed, summary, url, at) VALUES (:id, :passed, :summary, :url, :at)")
    void evalResult(@Bind("id") String incidentId, @Bind("passed") boolean passed, @Bind("summary") String summary,
            @Bind("url") String url, @Bind("at") Instant at);
}
