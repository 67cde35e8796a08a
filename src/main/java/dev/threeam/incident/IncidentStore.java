package dev.threeam.incident;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Incidents and their alerts and answers. Only the {@code incident} package touches it. */
@RegisterConstructorMapper(IncidentRows.IncidentRow.class)
@RegisterConstructorMapper(IncidentRows.AlertRow.class)
@RegisterConstructorMapper(Answer.class)
@RegisterConstructorMapper(IncidentRows.OpenIncident.class)
@RegisterConstructorMapper(IncidentRows.KnownAlert.class)
interface IncidentStore {

    @SqlQuery("UPDATE counters SET value = value + 1 WHERE name = 'incident' RETURNING value")
    long nextSequence();

    /** 1 when written; 0 when another writer (a replica) holds the key open already. */
    @UseClasspathSqlLocator
    @SqlUpdate
    int insert(@Bind("id") String id, @Bind("seq") long seq, @Bind("key") String key, @Bind("openKey") String openKey,
            @Bind("title") String title, @Bind("workflow") String workflow, @Bind("failureType") String failureType,
            @Bind("evidence") String evidence, @Bind("confidence") double confidence, @Bind("runnerUp") String runnerUp,
            @Bind("severity") String severity, @Bind("drill") boolean drill, @Bind("drillType") String drillType, @Bind("at") Instant at,
            @Bind("channel") String channel, @Bind("lookupNote") String lookupNote);

    @SqlQuery("SELECT * FROM incidents WHERE id = :id")
    Optional<IncidentRows.IncidentRow> findRow(@Bind("id") String id);

    @SqlQuery("SELECT * FROM incidents WHERE open_key = :key")
    Optional<IncidentRows.IncidentRow> findOpenRow(@Bind("key") String key);

    @SqlQuery("SELECT id, open_key, card_updated_at FROM incidents WHERE open_key IN (<keys>)")
    List<IncidentRows.OpenIncident> openByKeys(@BindList("keys") Collection<String> keys);

    @SqlQuery("""
            SELECT * FROM incidents WHERE incident_key = :key AND open_key IS NULL AND resolved_at >= :since
            ORDER BY resolved_at DESC LIMIT 1""")
    Optional<IncidentRows.IncidentRow> findRecentlyResolvedRow(@Bind("key") String key, @Bind("since") Instant since);

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

    @SqlBatch("UPDATE incidents SET alert_count = alert_count + :count, last_alert_at = :at WHERE id = :id")
    void countAlerts(@Bind("id") List<String> ids, @Bind("count") List<Long> counts, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE incidents SET status = 'triggered', open_key = incident_key, resolved_at = NULL,
              acknowledged_at = NULL, mitigated_at = NULL, acknowledged_by = NULL
            WHERE id = :id AND open_key IS NULL""")
    int reopen(@Bind("id") String id);

    @SqlUpdate("UPDATE incidents SET status = 'acknowledged', acknowledged_at = :at, acknowledged_by = :by WHERE id = :id")
    void acknowledge(@Bind("id") String id, @Bind("at") Instant at, @Bind("by") String by);

    @SqlUpdate("UPDATE incidents SET status = 'mitigated', mitigated_at = :at WHERE id = :id")
    void mitigate(@Bind("id") String id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE incidents SET status = 'resolved', resolved_at = :at, open_key = NULL WHERE id = :id")
    void resolve(@Bind("id") String id, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE incidents SET failure_type = :type, evidence = :evidence, confidence = :confidence, runner_up = NULL,
              corrected_by = :by WHERE id = :id""")
    void correct(@Bind("id") String id, @Bind("type") String type, @Bind("evidence") String evidence,
            @Bind("confidence") double confidence, @Bind("by") String by);

    @SqlUpdate("UPDATE incidents SET suspected_change = :change WHERE id = :id")
    void suspect(@Bind("id") String id, @Bind("change") Long change);

    @SqlUpdate("UPDATE incidents SET resume_gate = :gate WHERE id = :id")
    void gate(@Bind("id") String id, @Bind("gate") String gate);

    @SqlUpdate("UPDATE incidents SET channel = :channel, ts = :ts, card_updated_at = :at WHERE id = :id")
    void cardPosted(@Bind("id") String id, @Bind("channel") String channel, @Bind("ts") String ts, @Bind("at") Instant at);

    @SqlUpdate("UPDATE incidents SET card_updated_at = :at WHERE id = :id")
    void cardRedrawn(@Bind("id") String id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE incidents SET channel = :channel WHERE id = :id")
    void moveToChannel(@Bind("id") String id, @Bind("channel") String channel);

    // alerts

    @SqlQuery("SELECT * FROM incident_alerts WHERE incident_id = :id ORDER BY first_at, fingerprint")
    List<IncidentRows.AlertRow> alertsRows(@Bind("id") String incidentId);

    @SqlQuery("SELECT fingerprint, status FROM incident_alerts WHERE incident_id = :id AND fingerprint IN (<fingerprints>)")
    List<IncidentRows.KnownAlert> known(@Bind("id") String incidentId, @BindList("fingerprints") Collection<String> fingerprints);

    @SqlQuery("""
            SELECT i.id, i.open_key, i.card_updated_at FROM incident_alerts a JOIN incidents i ON i.id = a.incident_id
            WHERE a.fingerprint = :fingerprint AND i.open_key IS NOT NULL ORDER BY i.seq DESC LIMIT 1""")
    Optional<IncidentRows.OpenIncident> openWithFingerprint(@Bind("fingerprint") String fingerprint);

    /** Inserts new alerts and adds to known ones; the first title and labels stay. */
    @UseClasspathSqlLocator
    @SqlBatch
    void upsertAlerts(@Bind("incidentId") List<String> incidentIds, @Bind("fingerprint") List<String> fingerprints,
            @Bind("source") List<String> sources, @Bind("status") List<String> statuses, @Bind("title") List<String> titles,
            @Bind("labels") List<String> labels, @Bind("count") List<Long> counts, @Bind("at") Instant at);

    @SqlQuery("SELECT COUNT(*) FROM incident_alerts WHERE incident_id = :id AND status = 'firing'")
    int firingAlerts(@Bind("id") String incidentId);

    // answers

    @SqlUpdate("DELETE FROM answers WHERE incident_id = :id AND question = :question")
    void clearAnswer(@Bind("id") String incidentId, @Bind("question") String question);

    @SqlUpdate("""
            INSERT INTO answers (incident_id, question, value, label, by_user, at)
            VALUES (:id, :question, :value, :label, :by, :at)""")
    void insertAnswer(@Bind("id") String incidentId, @Bind("question") String question, @Bind("value") String value,
            @Bind("label") String label, @Bind("by") String by, @Bind("at") Instant at);

    @SqlQuery("SELECT * FROM answers WHERE incident_id = :id ORDER BY question")
    List<Answer> answers(@Bind("id") String incidentId);

    @SqlQuery("SELECT * FROM answers WHERE incident_id IN (<ids>) ORDER BY incident_id, question")
    List<Answer> answersOf(@BindList("ids") Collection<String> incidentIds);

    // which Slack message plays which part of the thread

    @SqlUpdate("""
            INSERT INTO slack_messages (incident_id, role, channel, ts) VALUES (:id, :part, :channel, :ts)
            ON CONFLICT (incident_id, role) DO UPDATE SET channel = excluded.channel, ts = excluded.ts""")
    void posted(@Bind("id") String incidentId, @Bind("part") String part, @Bind("channel") String channel, @Bind("ts") String ts);

    @SqlQuery("SELECT ts FROM slack_messages WHERE incident_id = :id AND role = :part")
    Optional<String> postedTs(@Bind("id") String incidentId, @Bind("part") String part);

    // the domain's records

    default Optional<Incident> find(String id) {
        return findRow(id).map(IncidentRows.IncidentRow::incident);
    }

    default Optional<Incident> findOpen(String key) {
        return findOpenRow(key).map(IncidentRows.IncidentRow::incident);
    }

    default Optional<Incident> findRecentlyResolved(String key, Instant since) {
        return findRecentlyResolvedRow(key, since).map(IncidentRows.IncidentRow::incident);
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
}
