package dev.threeam.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threeam.common.ThreeAmException;
import dev.threeam.testing.PostgresSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database#openReadOnly}: what {@code check} uses, so it can never migrate or write the bot's database. */
class DatabaseReadOnlyTest {

    @TempDir
    Path temp;

    @Test
    void a_sqlite_file_opened_read_only_is_not_migrated_and_refuses_writes() throws Exception {
        Path file = temp.resolve("bot.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            connection.createStatement().execute("CREATE TABLE notes (text TEXT)");
        }

        try (Database database = Database.openReadOnly("jdbc:sqlite:" + file, null, null)) {
            assertThat(database.hasTable("notes")).isTrue();
            assertThat(database.hasTable("drills")).as("no migration ran").isFalse();
            assertThatThrownBy(() -> database.jdbi().useHandle(handle ->
                    handle.execute("INSERT INTO notes (text) VALUES ('x')")))
                    .isInstanceOf(JdbiException.class).hasMessageContaining("readonly");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM notes")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void a_missing_sqlite_file_is_not_created() {
        Path file = temp.resolve("missing.db");

        assertThatThrownBy(() -> Database.openReadOnly("jdbc:sqlite:" + file, null, null))
                .isInstanceOf(ThreeAmException.class).hasMessageContaining("cannot connect to the database");
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void a_postgresql_schema_opened_read_only_is_not_migrated_and_refuses_writes() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create()) {
            try (Connection connection = DriverManager.getConnection(schema.url())) {
                connection.createStatement().execute("CREATE TABLE notes (text TEXT)");
            }

            try (Database database = Database.openReadOnly(schema.url(), null, null)) {
                assertThat(database.hasTable("notes")).isTrue();
                assertThat(database.hasTable("drills")).as("no migration ran").isFalse();
                assertThatThrownBy(() -> database.jdbi().useHandle(handle ->
                        handle.execute("INSERT INTO notes (text) VALUES ('x')")))
                        .isInstanceOf(JdbiException.class).hasMessageContaining("read-only transaction");
                assertThatThrownBy(() -> database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE t (x INT)")))
                        .isInstanceOf(JdbiException.class).hasMessageContaining("read-only transaction");
            }
            try (Connection connection = DriverManager.getConnection(schema.url());
                 ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("TABLE_NAME")).isEqualTo("notes");
                assertThat(tables.next()).as("only the table the test made").isFalse();
            }
        }
    }

    @Test
    void tables_of_other_postgresql_schemas_do_not_count() throws Exception {
        try (PostgresSchema migrated = PostgresSchema.create(); PostgresSchema empty = PostgresSchema.create()) {
            Database.open(migrated.url(), null, null).close();

            try (Database database = Database.openReadOnly(empty.url(), null, null)) {
                assertThat(database.hasTable("drills")).isFalse();
            }
        }
    }
}
