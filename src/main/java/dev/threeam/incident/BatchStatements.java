package dev.threeam.incident;

import dev.threeam.store.ReusedStatements;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The statements every group commit of alerts runs, whatever it holds: look up the batch's open incidents and what
 * they know of its fingerprints, then write the alerts and the counts. Run through Jdbi's fluent API on the batch's
 * handle rather than as a SQL Object: attaching one costs per method and per annotation on every handle (a fresh
 * configuration for each), which at small batches was a fixed cost of its own in every commit.
 *
 * <p>On PostgreSQL the lookups are one statement and the writes another, the batch's values travelling as arrays (one
 * SQL text for every batch, prepared once per connection): with the card redraws ({@code Outbox.Writer}) four round
 * trips per commit (look up, write, redraws, commit) instead of six. On SQLite, in the same process, round trips cost
 * nothing and the plain statements are the cheaper.
 */
final class BatchStatements {

    private static final RowMapper<IncidentRows.OpenIncident> OPEN = ConstructorMapper.of(IncidentRows.OpenIncident.class);
    private static final RowMapper<IncidentRows.KnownAlert> KNOWN = ConstructorMapper.of(IncidentRows.KnownAlert.class);
    private static final RowMapper<IncidentRows.LookedUp> LOOKED_UP = ConstructorMapper.of(IncidentRows.LookedUp.class);

    private static final String OPEN_BY_KEYS = "SELECT id, open_key, card_updated_at FROM incidents WHERE open_key IN (<keys>)";

    /**
     * What these incidents know of these fingerprints (a superset of the pairs asked for: the caller keeps what it
     * needs). Found through the fingerprint index, one probe per fingerprint: {@code incident_id || ''} keeps SQLite
     * from probing the primary key with every id for every fingerprint (ids × fingerprints probes, the most
     * expensive statement of a batch of single-alert requests spread over many incidents).
     */
    private static final String KNOWN_IN = """
            SELECT incident_id, fingerprint, status FROM incident_alerts
            WHERE fingerprint IN (<fingerprints>) AND incident_id || '' IN (<ids>)""";

    /** Inserts new alerts and adds to known ones; the first title and labels stay. */
    private static final String UPSERT_ALERTS = """
            INSERT INTO incident_alerts (incident_id, fingerprint, source, status, title, labels, count, first_at, last_at)
            VALUES (:incidentId, :fingerprint, :source, :status, :title, :labels, :count, :at, :at)
            ON CONFLICT (incident_id, fingerprint) DO UPDATE
              SET status = excluded.status, count = incident_alerts.count + excluded.count, last_at = excluded.last_at""";

    private static final String COUNT_ALERTS = "UPDATE incidents SET alert_count = alert_count + :count, last_alert_at = :at WHERE id = :id";

    /**
     * PostgreSQL: the open incidents of these keys (one row each, no fingerprint), then the batch's (key, fingerprint)
     * pairs they know (no key). Each pair is one probe of the primary key (incident, fingerprint), which the planner
     * takes whatever the statistics say: asked by fingerprint alone, a young table with no statistics yet was scanned
     * whole for every batch (5.7 ms per lookup at the bench's 10,000 alerts).
     */
    private static final String LOOK_UP = """
            WITH open AS (SELECT id, open_key, card_updated_at FROM incidents WHERE open_key = ANY(:keys))
            SELECT id, open_key, card_updated_at, NULL AS fingerprint, NULL AS status FROM open
            UNION ALL
            SELECT a.incident_id, NULL, NULL, a.fingerprint, a.status
            FROM unnest(:pairKeys, :pairFingerprints) AS p(open_key, fingerprint)
            JOIN open o ON o.open_key = p.open_key
            JOIN incident_alerts a ON a.incident_id = o.id AND a.fingerprint = p.fingerprint""";

    /**
     * PostgreSQL: {@link #UPSERT_ALERTS} and {@link #COUNT_ALERTS} in one statement. The incidents are counted in id
     * order (the primary key is walked in order for {@code = ANY}), as the row-by-row statements did, so replicas
     * lock the same incidents in the same order.
     */
    private static final String WRITE_ALERTS = """
            WITH alerts AS (
              INSERT INTO incident_alerts (incident_id, fingerprint, source, status, title, labels, count, first_at, last_at)
              SELECT incident_id, fingerprint, source, status, title, labels, count, :at, :at
              FROM unnest(:incidentIds, :fingerprints, :sources, :statuses, :titles, :labels, :counts)
                AS a(incident_id, fingerprint, source, status, title, labels, count)
              ON CONFLICT (incident_id, fingerprint) DO UPDATE
                SET status = excluded.status, count = incident_alerts.count + excluded.count, last_at = excluded.last_at
              RETURNING 1),
            counted AS (
              UPDATE incidents SET alert_count = alert_count + (:received)[array_position(:counted, id)], last_alert_at = :at
              WHERE id = ANY(:counted)
              RETURNING 1)
            SELECT (SELECT count(*) FROM alerts) + (SELECT count(*) FROM counted)""";

    /** One alert's row as the batch writes it. */
    record AlertRow(String incidentId, String fingerprint, String source, String status, String title, String labels, long count) {}

    /** One incident's alerts received in this batch. */
    record Count(String incidentId, long received) {}

    private final Handle handle;
    private final boolean postgres;

    BatchStatements(Handle handle, boolean postgres) {
        this.handle = handle;
        this.postgres = postgres;
    }

    boolean postgres() {
        return postgres;
    }

    List<IncidentRows.OpenIncident> openByKeys(Collection<String> keys) {
        return handle.createQuery(OPEN_BY_KEYS).bindList("keys", keys).map(OPEN).list();
    }

    List<IncidentRows.KnownAlert> knownIn(Collection<String> incidentIds, Collection<String> fingerprints) {
        return handle.createQuery(KNOWN_IN).bindList("ids", incidentIds).bindList("fingerprints", fingerprints).map(KNOWN).list();
    }

    /** PostgreSQL only: {@link #openByKeys} and {@link #knownIn} in one statement, for each key's fingerprints. */
    List<IncidentRows.LookedUp> lookUp(java.util.Map<String, ? extends Collection<String>> fingerprintsByKey) {
        List<String> pairKeys = new java.util.ArrayList<>();
        List<String> pairFingerprints = new java.util.ArrayList<>();
        fingerprintsByKey.forEach((key, fingerprints) -> fingerprints.forEach(fingerprint -> {
            pairKeys.add(key);
            pairFingerprints.add(fingerprint);
        }));
        return handle.createQuery(LOOK_UP)
                .bind("keys", fingerprintsByKey.keySet().toArray(String[]::new))
                .bind("pairKeys", pairKeys.toArray(String[]::new))
                .bind("pairFingerprints", pairFingerprints.toArray(String[]::new))
                .map(LOOKED_UP).list();
    }

    /** Writes the alerts (new ones inserted, known ones added to) and adds each incident's count. */
    void write(List<AlertRow> alerts, List<Count> counts, Instant at) {
        if (alerts.isEmpty() && counts.isEmpty()) {
            return;
        }
        if (postgres) {
            handle.createQuery(WRITE_ALERTS)
                    .bind("incidentIds", alerts.stream().map(AlertRow::incidentId).toArray(String[]::new))
                    .bind("fingerprints", alerts.stream().map(AlertRow::fingerprint).toArray(String[]::new))
                    .bind("sources", alerts.stream().map(AlertRow::source).toArray(String[]::new))
                    .bind("statuses", alerts.stream().map(AlertRow::status).toArray(String[]::new))
                    .bind("titles", alerts.stream().map(AlertRow::title).toArray(String[]::new))
                    .bind("labels", alerts.stream().map(AlertRow::labels).toArray(String[]::new))
                    .bind("counts", alerts.stream().mapToLong(AlertRow::count).toArray())
                    .bind("counted", counts.stream().map(Count::incidentId).toArray(String[]::new))
                    .bind("received", counts.stream().mapToLong(Count::received).toArray())
                    .bind("at", at)
                    .mapTo(Long.class).one();
            return;
        }
        if (!alerts.isEmpty()) {
            PreparedBatch batch = ReusedStatements.reuse(handle.prepareBatch(UPSERT_ALERTS));
            for (AlertRow alert : alerts) {
                batch.bind("incidentId", alert.incidentId()).bind("fingerprint", alert.fingerprint()).bind("source", alert.source())
                        .bind("status", alert.status()).bind("title", alert.title()).bind("labels", alert.labels())
                        .bind("count", alert.count()).bind("at", at).add();
            }
            batch.execute();
        }
        if (!counts.isEmpty()) {
            PreparedBatch batch = ReusedStatements.reuse(handle.prepareBatch(COUNT_ALERTS));
            for (Count count : counts) {
                batch.bind("id", count.incidentId()).bind("count", count.received()).bind("at", at).add();
            }
            batch.execute();
        }
    }
}
