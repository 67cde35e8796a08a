package dev.threeam.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * What counts as "the database is unavailable" (answered 503 + Retry-After) rather than a bug (a 500): real SQLite
 * errors for a read-only file and a full database, the pool's "no connection", and not a constraint violation.
 */
class DatabaseOutageTest {

    @TempDir
    Path dir;

    @Test
    void a_read_only_sqlite_file_is_unavailable_and_says_so() throws Exception {
        try (Connection writable = sqlite(false)) {
            writable.createStatement().execute("CREATE TABLE t (v INTEGER)");
        }
        SQLException refused = failure(sqlite(true), "INSERT INTO t VALUES (1)");

        assertThat(DatabaseOutage.reason(refused)).hasValueSatisfying(reason -> assertThat(reason).contains("read-only"));
    }

    @Test
    void a_full_sqlite_database_is_unavailable_and_says_so() throws Exception {
        Connection connection = sqlite(false);
        Statement statement = connection.createStatement();
        statement.execute("CREATE TABLE t (v TEXT)");
        long pages = statement.executeQuery("PRAGMA page_count").getLong(1);
        statement.execute("PRAGMA max_page_count = " + (pages + 2));
        SQLException full = null;
        for (int i = 0; i < 100 && full == null; i++) {
            full = failureOrNull(connection, "INSERT INTO t VALUES (hex(randomblob(2000)))");
        }

        assertThat(full != null).as("an insert fails once the pages run out").isTrue();
        assertThat(DatabaseOutage.reason(full)).hasValueSatisfying(reason -> assertThat(reason).contains("full"));
        connection.close();
    }

    @Test
    void a_constraint_violation_is_a_bug_not_an_outage() throws Exception {
        Connection connection = sqlite(false);
        connection.createStatement().execute("CREATE TABLE t (v INTEGER PRIMARY KEY)");
        connection.createStatement().execute("INSERT INTO t VALUES (1)");

        assertThat(DatabaseOutage.isUnavailable(failure(connection, "INSERT INTO t VALUES (1)"))).isFalse();
        connection.close();
    }

    @Test
    void once_no_connection_can_be_had_callers_are_refused_at_once_but_the_probe_until_one_is_had_again() {
        DatabaseOutage outage = new DatabaseOutage();
        SQLTransientConnectionException poolTimeout = new SQLTransientConnectionException("threeam-postgres - Connection is not available",
                "08001", new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));

        assertThat(outage.failed(poolTimeout, true)).hasValueSatisfying(unavailable -> {
            assertThat(unavailable.reason()).isEqualTo("Connection to 127.0.0.1:5432 refused");
            assertThat(unavailable.retryAfterSeconds()).isEqualTo(2);
        });
        assertThatThrownBy(outage::beforeConnect).isInstanceOf(DatabaseUnavailable.class).hasMessageContaining("refused");
        assertThat(outage.problem()).hasValue("Connection to 127.0.0.1:5432 refused");
        outage.probe(outage::beforeConnect); // the heartbeat goes through, to see whether the database is back

        outage.connected();

        assertThat(outage.problem()).isEmpty();
        outage.beforeConnect();
    }

    @Test
    void a_database_that_refuses_writes_stays_unavailable_until_writes_succeed_with_no_failure_for_five_seconds() throws Exception {
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        DatabaseOutage outage = new DatabaseOutage(nanos::get);
        try (Connection writable = sqlite(false)) {
            writable.createStatement().execute("CREATE TABLE t (v INTEGER)");
        }
        outage.failed(failure(sqlite(true), "INSERT INTO t VALUES (1)"));

        outage.beforeConnect(); // connections still open: reads work
        outage.connected();
        assertThat(outage.problem()).hasValueSatisfying(reason -> assertThat(reason).contains("read-only"));

        outage.wrote(); // a full SQLite still takes a small update in place: not proof enough
        assertThat(outage.problem()).isPresent();
        nanos.addAndGet(java.time.Duration.ofSeconds(5).toNanos());
        outage.wrote();
        assertThat(outage.problem()).isEmpty();
    }

    private Connection sqlite(boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(readOnly);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + dir.resolve("t.db"));
        return source.getConnection();
    }

    private static SQLException failure(Connection connection, String sql) {
        SQLException failure = failureOrNull(connection, sql);
        assertThat(failure != null).as(sql + " fails").isTrue();
        return failure;
    }

    private static SQLException failureOrNull(Connection connection, String sql) {
        try {
            connection.createStatement().execute(sql);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }
}
