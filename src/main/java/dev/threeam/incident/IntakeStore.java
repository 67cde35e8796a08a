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

/** What the alert intake reads and writes, per batch: a small interface, attached once per batch (attaching costs per method). */
@RegisterConstructorMapper(IncidentRows.IncidentRow.class)
@RegisterConstructorMapper(IncidentRows.OpenIncident.class)
@RegisterConstructorMapper(IncidentRows.KnownAlert.class)
interface IntakeStore {

    @SqlQuery("UPDATE counters SET value = value + 1 WHERE name = 'incident' RETURNING value")
    long nextSequence();

    /** 1 when written; 0 when another writer (a replica) holds the key open already. */
    @UseClasspathSqlLocator
    @SqlUpdate
    int insert(@Bind("id") String id, @Bind("seq") long seq, @Bind("key") String key, @Bind("openKey") String openKey,
            @Bind("title") String title, @Bind("workflow") String workflow, @Bind("failureType") String failureType,
            @Bind("evidence") String evidence, @Bind("confidence") double confidence, @Bind("runnerUp") String runnerUp, @Bind("runnerUpLead") double runnerUpLead, @Bind("firstAlert") String firstAlert,
            @Bind("severity") String severity, @Bind("drill") boolean drill, @Bind("drillType") String drillType, @Bind("at") Instant at,
            @Bind("channel") String channel, @Bind("lookupNote") String lookupNote);

    @SqlQuery("SELECT * FROM incidents WHERE id = :id")
    Optional<IncidentRows.IncidentRow> findRow(@Bind("id") String id);

    @SqlQuery("SELECT id, open_key, card_updated_at FROM incidents WHERE open_key IN (<keys>)")
    List<IncidentRows.OpenIncident> openByKeys(@BindList("keys") Collection<String> keys);

    @SqlQuery("""
            SELECT * FROM incidents WHERE incident_key = :key AND open_key IS NULL AND resolved_at >= :since
            ORDER BY resolved_at DESC LIMIT 1""")
    Optional<IncidentRows.IncidentRow> findRecentlyResolvedRow(@Bind("key") String key, @Bind("since") Instant since);

    @SqlBatch("UPDATE incidents SET alert_count = alert_count + :count, last_alert_at = :at WHERE id = :id")
    void countAlerts(@Bind("id") List<String> ids, @Bind("count") List<Long> counts, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE incidents SET status = 'triggered', open_key = incident_key, resolved_at = NULL,
              acknowledged_at = NULL, mitigated_at = NULL, acknowledged_by = NULL
            WHERE id = :id AND open_key IS NULL""")
    int reopen(@Bind("id") String id);

    @SqlQuery("SELECT incident_id, fingerprint, status FROM incident_alerts WHERE incident_id = :id AND fingerprint IN (<fingerprints>)")
    List<IncidentRows.KnownAlert> known(@Bind("id") String incidentId, @BindList("fingerprints") Collection<String> fingerprints);

    /**
     * What these incidents know of these fingerprints (a superset of the pairs asked for: the caller keeps what it
     * needs). Found through the fingerprint index, one probe per fingerprint: {@code incident_id || ''} keeps SQLite
     * from probing the primary key with every id for every fingerprint (ids × fingerprints probes, the most
     * expensive statement of a batch of single-alert requests spread over many incidents).
     */
    @SqlQuery("""
            SELECT incident_id, fingerprint, status FROM incident_alerts
            WHERE fingerprint IN (<fingerprints>) AND incident_id || '' IN (<ids>)""")
    List<IncidentRows.KnownAlert> knownIn(@BindList("ids") Collection<String> incidentIds,
            @BindList("fingerprints") Collection<String> fingerprints);

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

    default Optional<Incident> find(String id) {
        return findRow(id).map(IncidentRows.IncidentRow::incident);
    }

    default Optional<Incident> findRecentlyResolved(String key, Instant since) {
        return findRecentlyResolvedRow(key, since).map(IncidentRows.IncidentRow::incident);
    }
}
