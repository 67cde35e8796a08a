package dev.threeam.incident;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * What the alert intake reads and writes beyond {@link BatchStore}: opening, reopening and resolving incidents, which
 * most batches never do, so a batch attaches it only when it needs it (attaching costs per method).
 */
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

    @SqlQuery("""
            SELECT * FROM incidents WHERE incident_key = :key AND open_key IS NULL AND resolved_at >= :since
            ORDER BY resolved_at DESC LIMIT 1""")
    Optional<IncidentRows.IncidentRow> findRecentlyResolvedRow(@Bind("key") String key, @Bind("since") Instant since);

    @SqlUpdate("""
            UPDATE incidents SET status = 'triggered', open_key = incident_key, resolved_at = NULL,
              acknowledged_at = NULL, mitigated_at = NULL, acknowledged_by = NULL
            WHERE id = :id AND open_key IS NULL""")
    int reopen(@Bind("id") String id);

    @SqlQuery("SELECT incident_id, fingerprint, status FROM incident_alerts WHERE incident_id = :id AND fingerprint IN (<fingerprints>)")
    List<IncidentRows.KnownAlert> known(@Bind("id") String incidentId, @BindList("fingerprints") Collection<String> fingerprints);

    @SqlQuery("""
            SELECT i.id, i.open_key, i.card_updated_at FROM incident_alerts a JOIN incidents i ON i.id = a.incident_id
            WHERE a.fingerprint = :fingerprint AND i.open_key IS NOT NULL ORDER BY i.seq DESC LIMIT 1""")
    Optional<IncidentRows.OpenIncident> openWithFingerprint(@Bind("fingerprint") String fingerprint);

    @SqlQuery("SELECT COUNT(*) FROM incident_alerts WHERE incident_id = :id AND status = 'firing'")
    int firingAlerts(@Bind("id") String incidentId);

    default Optional<Incident> find(String id) {
        return findRow(id).map(IncidentRows.IncidentRow::incident);
    }

    default Optional<Incident> findRecentlyResolved(String key, Instant since) {
        return findRecentlyResolvedRow(key, since).map(IncidentRows.IncidentRow::incident);
    }
}
