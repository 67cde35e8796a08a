package dev.threeam.store;

import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 23, PostgreSQL only: leaves room in each page of {@code incidents} for the new versions of its rows. Every
 * group commit of alerts updates the counts of the incidents it touched; at a fillfactor of 100 (a row is about 900
 * bytes, eight to a page) the new version rarely fitted beside the old one, so most updates were not HOT: each wrote a
 * version on another page plus an entry in each of the table's five indexes, and the table grew by about 2,000 dead
 * rows a second under load (100 live incidents in 11,000 pages within a minute, every lookup wading through them).
 * With room on the page, an update stays on it (HOT: no index entries) and the page is pruned of old versions as it
 * is read. SQLite rewrites rows in place and needs nothing.
 */
final class RoomForHotUpdates implements JavaMigration {

    /** Percent of each page filled by inserts; the rest is for updated versions of the rows already on it. */
    static final int INCIDENTS_FILLFACTOR = 30;

    private final boolean postgres;

    /** {@code postgres}: what {@link Database} already knows of the database it migrates. */
    RoomForHotUpdates(boolean postgres) {
        this.postgres = postgres;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("23");
    }

    @Override
    public String getDescription() {
        return "room for hot updates";
    }

    @Override
    public Integer getChecksum() {
        return INCIDENTS_FILLFACTOR;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!postgres) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE incidents SET (fillfactor = " + INCIDENTS_FILLFACTOR + ")");
        }
    }
}
