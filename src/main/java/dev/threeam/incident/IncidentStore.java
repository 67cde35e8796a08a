package dev.threeam.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Incidents: their lists and lifecycle, and their alerts. Only the {@code incident} package touches it. */
@RegisterConstructorMapper(IncidentRows.IncidentRow.class)
@RegisterConstructorMapper(IncidentRows.AlertRow.class)
@RegisterConstructorMapper(Answer.class)
@RegisterConstructorMapper(IncidentRows.OpenIncident.class)
@RegisterConstructorMapper(IncidentRows.KnownAlert.class)
interface IncidentStore {

    @SqlQuery("SELECT * FROM incidents WHERE id = :id")
    Optional<IncidentRows.IncidentRow> findRow(@Bind("id") String id);

    @SqlQuery("SELECT * FROM incidents WHERE open_key = :key")
    Optional<IncidentRows.IncidentRow> findOpenRow(@Bind("key") String key);

    @SqlQuery("SELECT * FROM incidents ORDER BY seq DESC")
    List<IncidentRows.IncidentRow> allRows();

    @SqlQuery("SELECT * FROM incidents WHERE status <> 'resolved' ORDER BY seq DESC")
    List<IncidentRows.IncidentRow> openRows();

    @SqlQuery("SELECT * FROM incidents WHERE status = :status ORDER BY seq DESC")
    List<IncidentRows.IncidentRow> withStatusRows(@Bind("status") String status);

    @SqlQuery("SELECT * FROM incidents WHERE drill AND status <> 'resolved' AND opened_at < :before")
    List<IncidentRows.IncidentRow> openDrillsOpenedBeforeRows(@Bind("before") Instant before);

    @SqlQuery("SELECT * FROM incidents WHERE opened_at >= :since ORDER BY seq DESC")
    List<IncidentRows.IncidentRow> openedSinceRows(@Bind("since") Instant since);

    @SqlQuery("SELECT COUNT(*) FROM incidents WHERE status = :status")
    long countWithStatus(@Bind("status") String status);

    @SqlUpdate("UPDATE incidents SET status = 'acknowledged', acknowledged_at = :at, acknowledged_by = :by WHERE id = :id")
    void acknowledge(@Bind("id") String id, @Bind("at") Instant at, @Bind("by") String by);

    @SqlUpdate("UPDATE incidents SET status = 'mitigated', mitigated_at = :at WHERE id = :id")
    void mitigate(@Bind("id") String id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE incidents SET status = 'resolved', resolved_at = :at, open_key = NULL WHERE id = :id")
    void resolve(@Bind("id") String id, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE incidents SET failure_type = :type, evidence = :evidence, confidence = :confidence, runner_up = NULL, runner_up_lead = NULL,
              corrected_by = :by WHERE id = :id""")
    void correct(@Bind("id") String id, @Bind("type") String type, @Bind("evidence") String evidence,
            @Bind("confidence") double confidence, @Bind("by") String by);

    @SqlUpdate("UPDATE incidents SET suspected_change = :change WHERE id = :id")
    void suspect(@Bind("id") String id, @Bind("change") Long change);

    @SqlUpdate("UPDATE incidents SET resume_gate = :gate WHERE id = :id")
    void gate(@Bind("id") String id, @Bind("gate") String gate);

    // alerts

    @SqlQuery("SELECT * FROM incident_alerts WHERE incident_id = :id ORDER BY first_at, fingerprint")
    List<IncidentRows.AlertRow> alertsRows(@Bind("id") String incidentId);

    @SqlQuery("SELECT * FROM incident_alerts WHERE incident_id = :id AND source = :source ORDER BY first_at, fingerprint")
    List<IncidentRows.AlertRow> alertsRowsFrom(@Bind("id") String incidentId, @Bind("source") String source);

    // answers

    // which Slack message plays which part of the thread

    // the domain's records

    default Optional<Incident> find(String id) {
        return findRow(id).map(IncidentRows.IncidentRow::incident);
    }

    default Optional<Incident> findOpen(String key) {
        return findOpenRow(key).map(IncidentRows.IncidentRow::incident);
    }

    default List<Incident> all() {
        return allRows().stream().map(IncidentRows.IncidentRow::incident).toList();
    }

    default List<Incident> open() {
        return openRows().stream().map(IncidentRows.IncidentRow::incident).toList();
    }

    default List<Incident> withStatus(String status) {
        return withStatusRows(status).stream().map(IncidentRows.IncidentRow::incident).toList();
    }

    default List<Incident> openDrillsOpenedBefore(Instant before) {
        return openDrillsOpenedBeforeRows(before).stream().map(IncidentRows.IncidentRow::incident).toList();
    }

    default List<Incident> openedSince(Instant since) {
        return openedSinceRows(since).stream().map(IncidentRows.IncidentRow::incident).toList();
    }

    default List<IncidentAlert> alerts(String incidentId) {
        return alertsRows(incidentId).stream().map(IncidentRows.AlertRow::alert).toList();
    }

    default List<IncidentAlert> alertsFrom(String incidentId, String source) {
        return alertsRowsFrom(incidentId, source).stream().map(IncidentRows.AlertRow::alert).toList();
    }
}
