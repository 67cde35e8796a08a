package dev.threeam.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Hands Jdbi its connections through {@link DatabaseOutage}: refused at once while the database is known to be
 * unreachable, and every failure that means "unavailable" (no connection, a reset connection, SQLite full) reported to
 * it, so callers get {@link DatabaseUnavailable} (503 + Retry-After) instead of waiting or a 500. On SQLite the alert
 * writer goes first ({@link WriterFirst}).
 */
final class GuardedConnections implements ConnectionFactory, SqlLogger {

    private final DataSource dataSource;
    private final DatabaseOutage outage;
    private final WriterFirst writerFirst;

    GuardedConnections(DataSource dataSource, DatabaseOutage outage, WriterFirst writerFirst) {
        this.dataSource = dataSource;
        this.outage = outage;
        this.writerFirst = writerFirst;
    }

    @Override
    public Connection openConnection() throws SQLException {
        outage.beforeConnect();
        writerFirst.beforeConnect();
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw outage.failed(e, true).map(unavailable -> (RuntimeException) unavailable).orElseThrow(() -> e);
        }
        outage.connected();
        return connection;
    }

    /** A statement failed: a reset connection or a full disk is noted (the caller still sees the error). */
    @Override
    public void logException(StatementContext context, SQLException error) {
        outage.failed(error, false);
    }
}
