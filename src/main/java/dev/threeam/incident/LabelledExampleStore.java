package dev.threeam.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Alerts the team labelled by correcting Q1, and the first alert of each incident they are taken from. */
@RegisterConstructorMapper(LabelledExampleStore.Row.class)
interface LabelledExampleStore {

    /** One stored example. */
    record Row(String incidentId, String source, String alert, String failureType, String workflow, String byUser, Instant at) {}

    @SqlQuery("SELECT first_alert FROM incidents WHERE id = :id")
    Optional<String> firstAlert(@Bind("id") String incidentId);

    @SqlUpdate("""
            INSERT INTO labelled_examples (incident_id, source, alert, failure_type, workflow, by_user, at)
            VALUES (:id, :source, :alert, :type, :workflow, :by, :at)""")
    void add(@Bind("id") String incidentId, @Bind("source") String source, @Bind("alert") String alert, @Bind("type") String failureType,
            @Bind("workflow") String workflow, @Bind("by") String by, @Bind("at") Instant at);

    @SqlQuery("SELECT incident_id, source, alert, failure_type, workflow, by_user, at FROM labelled_examples ORDER BY id")
    List<Row> all();
}
