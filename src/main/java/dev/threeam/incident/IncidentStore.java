package dev.threeam.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Incidents, their alerts, timeline and answers. */
@RegisterConstructorMapper(Incident.class)
@RegisterConstructorMapper(IncidentAlert.class)
@RegisterConstructorMapper(TimelineEntry.class)
@RegisterConstructorMapper(Answer.class)
public interface IncidentStore {

    @SqlQuery("UPDATE counters SET value = value + 1 WHERE name = 'incident' RETURNING value")
    long nextSequence();

    @SqlUpdate("""
            INSERT INTO incidents (id, seq, incident_key, open_key, title, workflow, failure_type, evidence, confidence,
              severity, status, drill, acknowledged_by, alert_count, opened_at, last_alert_at, channel, lookup_note, drill_type)
            VALUES (:id, :seq, :incidentKey, :openKey, :title, :workflow, :failureType, :evidence, :confidence,
              :severity, :status, :drill, NULL, :alertCount, :openedAt, :lastAlertAt, :channel, :lookupNote, :drillType)""")
    void insert(@BindMethods Incident incident, @Bind("openKey") String openKey);

    @SqlUpdate("UPDATE incidents SET card_updated_at = :at WHERE id = :id")
    void cardUpdated(@Bind("id") String id, @Bind("at") Instant at);

    @SqlQuery("SELECT * FROM incidents WHERE id = :id")
    Optional<Incident> find(@Bind("id") String id);

    @SqlQuery("SELECT * FROM incidents WHERE open_key = :key")
    Optional<Incident> findOpen(@Bind("key") String key);

    /** The open incident of a key, as little of it as an arriving alert needs. */
    record OpenIncident(String id, Instant cardUpdatedAt) {}

    @SqlQuery("SELECT id, card_updated_at FROM incidents WHERE open_key = :key")
    @RegisterConstructorMapper(OpenIncident.class)
    Optional<OpenIncident> findOpenIncident(@Bind("key") String key);

    @SqlQuery("SELECT status FROM incident_alerts WHERE incident_id = :id AND fingerprint = :fingerprint")
    Optional<String> alertStatus(@Bind("id") String incidentId, @Bind("fingerprint") String fingerprint);

    @SqlQuery("""
            SELECT * FROM incidents WHERE incident_key = :key AND open_key IS NULL AND resolved_at >= :since
            ORDER BY resolved_at DESC LIMIT 1""")
    Optional<Incident> findRecentlyResolved(@Bind("key") String key, @Bind("since") Instant since);

    @SqlQuery("SELECT * FROM incidents ORDER BY seq DESC")
    List<Incident> all();

    @SqlQuery("SELECT * FROM incidents WHERE status <> 'resolved' ORDER BY seq DESC")
    List<Incident> open();

    @SqlQuery("SELECT * FROM incidents WHERE status = :status ORDER BY seq DESC")
    List<Incident> withStatus(@Bind("status") String status);

    @SqlQuery("SELECT * FROM incidents WHERE drill AND status <> 'resolved' AND opened_at < :before")
    List<Incident> openDrillsOpenedBefore(@Bind("before") Instant before);

    @SqlQuery("SELECT * FROM incidents WHERE opened_at >= :since ORDER BY seq DESC")
    List<Incident> openedSince(@Bind("since") Instant since);

    @SqlUpdate("UPDATE incidents SET alert_count = alert_count + :count, last_alert_at = :at WHERE id = :id")
    void countAlerts(@Bind("id") String id, @Bind("count") long count, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE incidents SET status = 'triggered', open_key = incident_key, resolved_at = NULL,
              acknowledged_at = NULL, mitigated_at = NULL, acknowledged_by = NULL
            WHERE id = :id AND open_key IS NULL""")
    int reopen(@Bind("id") String id);

    @SqlUpdate("UPDATE incidents SET status = :status, acknowledged_at = :at, acknowledged_by = :by WHERE id = :id")
    void acknowledge(@Bind("id") String id, @Bind("status") String status, @Bind("at") Instant at, @Bind("by") String by);

    @SqlUpdate("UPDATE incidents SET status = 'mitigated', mitigated_at = :at WHERE id = :id")
    void mitigate(@Bind("id") String id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE incidents SET status = 'resolved', resolved_at = :at, open_key = NULL WHERE id = :id")
    void resolve(@Bind("id") String id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE incidents SET failure_type = :type, evidence = :evidence, confidence = :confidence WHERE id = :id")
    void classify(@Bind("id") String id, @Bind("type") String type, @Bind("evidence") String evidence,
            @Bind("confidence") double confidence);

    @SqlUpdate("UPDATE incidents SET suspected_change = :change WHERE id = :id")
    void suspect(@Bind("id") String id, @Bind("change") Long change);

    @SqlUpdate("UPDATE incidents SET resume_gate = :gate WHERE id = :id")
    void gate(@Bind("id") String id, @Bind("gate") String gate);

    @SqlUpdate("UPDATE incidents SET channel = :channel, ts = :ts WHERE id = :id")
    void postedCard(@Bind("id") String id, @Bind("channel") String channel, @Bind("ts") String ts);

    @SqlUpdate("UPDATE incidents SET channel = :channel WHERE id = :id")
    void moveToChannel(@Bind("id") String id, @Bind("channel") String channel);

    // alerts

    @SqlQuery("SELECT * FROM incident_alerts WHERE incident_id = :id ORDER BY first_at, fingerprint")
    List<IncidentAlert> alerts(@Bind("id") String incidentId);

    @SqlQuery("SELECT * FROM incident_alerts WHERE incident_id = :id AND fingerprint = :fingerprint")
    Optional<IncidentAlert> alert(@Bind("id") String incidentId, @Bind("fingerprint") String fingerprint);

    @SqlQuery("""
            SELECT a.* FROM incident_alerts a JOIN incidents i ON i.id = a.incident_id
            WHERE a.fingerprint = :fingerprint AND i.status <> 'resolved' ORDER BY i.seq DESC LIMIT 1""")
    Optional<IncidentAlert> openAlertByFingerprint(@Bind("fingerprint") String fingerprint);

    @SqlUpdate("""
            INSERT INTO incident_alerts (incident_id, fingerprint, source, status, title, labels, count, first_at, last_at)
            VALUES (:incidentId, :fingerprint, :source, :status, :title, :labels, :count, :firstAt, :lastAt)""")
    void insertAlert(@BindMethods IncidentAlert alert);

    @SqlUpdate("""
            UPDATE incident_alerts SET status = :status, count = count + :count, last_at = :at
            WHERE incident_id = :id AND fingerprint = :fingerprint""")
    void updateAlert(@Bind("id") String incidentId, @Bind("fingerprint") String fingerprint,
            @Bind("status") String status, @Bind("count") long count, @Bind("at") Instant at);

    @SqlQuery("SELECT COUNT(*) FROM incident_alerts WHERE incident_id = :id AND status = 'firing'")
    int firingAlerts(@Bind("id") String incidentId);

    // timeline

    @SqlUpdate("INSERT INTO timeline (incident_id, at, actor, text) VALUES (:id, :at, :actor, :text)")
    void addTimeline(@Bind("id") String incidentId, @Bind("at") Instant at, @Bind("actor") String actor,
            @Bind("text") String text);

    @SqlQuery("SELECT * FROM timeline WHERE incident_id = :id ORDER BY id")
    List<TimelineEntry> timeline(@Bind("id") String incidentId);

    // answers

    @SqlUpdate("DELETE FROM answers WHERE incident_id = :id AND question = :question")
    void clearAnswer(@Bind("id") String incidentId, @Bind("question") String question);

    @SqlUpdate("""
            INSERT INTO answers (incident_id, question, value, label, by_user, at)
            VALUES (:incidentId, :question, :value, :label, :byUser, :at)""")
    void insertAnswer(@BindMethods Answer answer);

    @SqlQuery("SELECT * FROM answers WHERE incident_id = :id ORDER BY question")
    List<Answer> answers(@Bind("id") String incidentId);

    @SqlQuery("SELECT * FROM answers WHERE incident_id IN (<ids>) ORDER BY incident_id, question")
    List<Answer> answersOf(@org.jdbi.v3.sqlobject.customizer.BindList("ids") List<String> incidentIds);
}
