package dev.threeam.incident;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The statements every group commit of alerts runs, whatever it holds: look up the batch's open incidents and what
 * they know of its fingerprints, then write the alerts and the counts. Kept to these four because it is attached
 * once per batch and attaching costs per method (a proxy and a configuration per method); the rest of the intake's
 * statements ({@link IntakeStore}) are attached only by the batches that open, reopen or resolve.
 */
@RegisterConstructorMapper(IncidentRows.OpenIncident.class)
@RegisterConstructorMapper(IncidentRows.KnownAlert.class)
interface BatchStore {

    @SqlQuery("SELECT id, open_key, card_updated_at FROM incidents WHERE open_key IN (<keys>)")
    List<IncidentRows.OpenIncident> openByKeys(@BindList("keys") Collection<String> keys);

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

    /** Inserts new alerts and adds to known ones; the first title and labels stay. */
    @UseClasspathSqlLocator
    @SqlBatch
    void upsertAlerts(@Bind("incidentId") List<String> incidentIds, @Bind("fingerprint") List<String> fingerprints,
            @Bind("source") List<String> sources, @Bind("status") List<String> statuses, @Bind("title") List<String> titles,
            @Bind("labels") List<String> labels, @Bind("count") List<Long> counts, @Bind("at") Instant at);

    @SqlBatch("UPDATE incidents SET alert_count = alert_count + :count, last_alert_at = :at WHERE id = :id")
    void countAlerts(@Bind("id") List<String> ids, @Bind("count") List<Long> counts, @Bind("at") Instant at);
}
