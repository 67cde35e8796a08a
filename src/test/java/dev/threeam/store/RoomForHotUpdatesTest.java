package dev.threeam.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.testing.PostgresSchema;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migration 23: room on each page of incidents for updated rows on PostgreSQL, nothing on SQLite. */
class RoomForHotUpdatesTest {

    @TempDir
    Path dir;

    private static long migrations(Database database, String version) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM flyway_schema_history WHERE version = :version AND success").bind("version", version)
                .mapTo(Long.class).one());
    }

    @Test
    void on_postgresql_inserts_fill_a_page_of_incidents_to_30_percent_and_leave_the_rest_to_updated_versions() {
        try (PostgresSchema schema = PostgresSchema.create(); Database database = Database.open(schema.url(), null, null)) {
            String options = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'incidents'::regclass").mapTo(String.class).one());
            assertThat(options).isEqualTo("fillfactor=30");
            assertThat(migrations(database, "23")).isEqualTo(1);
        }
    }

    @Test
    void on_sqlite_the_migration_is_recorded_and_changes_nothing() {
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("test.db"), null, null)) {
            assertThat(migrations(database, "23")).isEqualTo(1);
            long incidents = database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM incidents").mapTo(Long.class).one());
            assertThat(incidents).isZero();
        }
    }
}
