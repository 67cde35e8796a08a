package dev.threeam.incident;

import dev.threeam.alert.AlertStatus;
import dev.threeam.common.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * The statements every group commit of alerts runs, whatever it holds: look up the batch's open incidents and what
 * they know of its fingerprints, then write the alerts and the counts. Each is one statement for the whole batch,
 * its rows bound as one JSON array ({@link BatchSql}): a batch of 500 alerts costs four statements, not four plus a
 * bound parameter per column per row. The rest of the intake's statements ({@link IntakeStore}) are attached only by
 * the batches that open, reopen or resolve.
 */
final class BatchStore {

    /** One alert of the batch as written: new ones are inserted, known ones add {@code count} and take the status. */
    record AlertWrite(String incidentId, String fingerprint, String source, String status, String title, String labels,
                      long count) {}

    private final Handle handle;
    private final BatchSql sql;

    BatchStore(Handle handle, BatchSql sql) {
        this.handle = handle;
        this.sql = sql;
    }

    List<IncidentRows.OpenIncident> openByKeys(Collection<String> keys) {
        return handle.createQuery(sql.openByKeys()).bind("keys", Json.write(keys))
                .map((rows, context) -> new IncidentRows.OpenIncident(rows.getString(1), rows.getString(2),
                        instant(rows.getLong(3), rows.wasNull())))
                .list();
    }

    /** What these incidents know of these fingerprints (a superset of the pairs asked for: the caller keeps what it needs). */
    List<IncidentRows.KnownAlert> knownIn(Collection<String> incidentIds, Collection<String> fingerprints) {
        return handle.createQuery(sql.knownIn()).bind("ids", Json.write(incidentIds)).bind("fingerprints", Json.write(fingerprints))
                .map((rows, context) -> new IncidentRows.KnownAlert(rows.getString(1), rows.getString(2),
                        status(rows.getString(3))))
                .list();
    }

    /** Inserts new alerts and adds to known ones; the first title and labels stay. At most one write per alert of an incident. */
    void upsertAlerts(List<AlertWrite> alerts, Instant at) {
        List<Object[]> rows = new ArrayList<>(alerts.size());
        for (AlertWrite alert : alerts) {
            rows.add(new Object[] {alert.incidentId(), alert.fingerprint(), alert.source(), alert.status(), alert.title(),
                    alert.labels(), alert.count()});
        }
        handle.createUpdate(sql.upsertAlerts()).bind("rows", Json.write(rows)).bind("at", at).execute();
    }

    /** Adds each incident's new notifications to its count. */
    void countAlerts(List<String> incidentIds, List<Long> counts, Instant at) {
        List<Object[]> rows = new ArrayList<>(incidentIds.size());
        for (int i = 0; i < incidentIds.size(); i++) {
            rows.add(new Object[] {incidentIds.get(i), counts.get(i)});
        }
        handle.createUpdate(sql.countAlerts()).bind("rows", Json.write(rows)).bind("at", at).execute();
    }

    private static AlertStatus status(String id) {
        return AlertStatus.valueOf(id.toUpperCase(Locale.ROOT));
    }

    private static Instant instant(long millis, boolean wasNull) {
        return wasNull ? null : Instant.ofEpochMilli(millis);
    }
}
