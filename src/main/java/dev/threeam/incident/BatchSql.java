package dev.threeam.incident;

import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL of {@link BatchStore} in the database's own words. Each statement takes a whole batch as one JSON array
 * (SQLite reads it with {@code json_each}, PostgreSQL with {@code json_array_elements}), so its text is the same for
 * every batch: parsed once by Jdbi, prepared from a short text by SQLite and kept prepared by PostgreSQL's driver,
 * and one parameter is bound whatever the number of rows.
 */
record BatchSql(String openByKeys, String knownIn, String upsertAlerts, String countAlerts) {

    private static final String UPSERT = """
            INSERT INTO incident_alerts (incident_id, fingerprint, source, status, title, labels, count, first_at, last_at)
            SELECT %s FROM %s WHERE true
            ON CONFLICT (incident_id, fingerprint) DO UPDATE
              SET status = excluded.status, count = incident_alerts.count + excluded.count, last_at = excluded.last_at""";

    /**
     * SQLite: {@code ->>} reads an element of each row's array as an SQL value. The {@code || ''} keeps SQLite
     * probing the fingerprint index once per fingerprint rather than the primary key with every id for every
     * fingerprint (ids × fingerprints probes).
     */
    static final BatchSql SQLITE = new BatchSql(
            "SELECT id, open_key, card_updated_at FROM incidents WHERE open_key IN (SELECT value FROM json_each(:keys))",
            """
            SELECT incident_id, fingerprint, status FROM incident_alerts
            WHERE fingerprint IN (SELECT value FROM json_each(:fingerprints))
              AND incident_id || '' IN (SELECT value FROM json_each(:ids))""",
            UPSERT.formatted("value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, :at, :at",
                    "json_each(:rows)"),
            """
            UPDATE incidents SET alert_count = alert_count + counted.n, last_alert_at = :at
            FROM (SELECT value ->> 0 AS id, value ->> 1 AS n FROM json_each(:rows)) AS counted
            WHERE incidents.id = counted.id""");

    static final BatchSql POSTGRES = new BatchSql(
            "SELECT id, open_key, card_updated_at FROM incidents WHERE open_key IN (SELECT json_array_elements_text(CAST(:keys AS json)))",
            """
            SELECT incident_id, fingerprint, status FROM incident_alerts
            WHERE fingerprint IN (SELECT json_array_elements_text(CAST(:fingerprints AS json)))
              AND incident_id IN (SELECT json_array_elements_text(CAST(:ids AS json)))""",
            UPSERT.formatted("r ->> 0, r ->> 1, r ->> 2, r ->> 3, r ->> 4, r ->> 5, CAST(r ->> 6 AS BIGINT), :at, :at",
                    "json_array_elements(CAST(:rows AS json)) AS r"),
            """
            UPDATE incidents SET alert_count = alert_count + counted.n, last_alert_at = :at
            FROM (SELECT r ->> 0 AS id, CAST(r ->> 1 AS BIGINT) AS n FROM json_array_elements(CAST(:rows AS json)) AS r) AS counted
            WHERE incidents.id = counted.id""");

    /** The SQL for the database {@code jdbi} connects to, asked once. */
    static BatchSql of(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            try {
                return handle.getConnection().getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                        .contains("postgres") ? POSTGRES : SQLITE;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell which database this is: " + e.getMessage(), e);
            }
        });
    }
}
