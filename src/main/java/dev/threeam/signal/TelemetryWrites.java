package dev.threeam.signal;

import dev.threeam.common.Overloaded;
import java.time.Duration;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;

/**
 * A telemetry write, run again on a lost race or deadlock ({@link dev.threeam.store.Conflicts}); an unreachable (or,
 * for SQLite, busy) database becomes {@link Overloaded}, which OTLP exporters retry.
 */
final class TelemetryWrites {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private TelemetryWrites() {}

    static <T> T retry(Supplier<T> transaction) {
        try {
            return dev.threeam.store.Conflicts.retry(transaction);
        } catch (ConnectionException e) {
            throw new Overloaded("the database is unreachable: " + e.getMessage(), RETRY_AFTER, e);
        } catch (JdbiException e) {
            if (unreachable(e)) {
                throw new Overloaded("the database is unreachable: " + e.getMessage(), RETRY_AFTER, e);
            }
            throw e;
        }
    }

    private static boolean unreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("SQLITE_BUSY")) {
                return true; // SQLite's one writer stayed busy past its timeout
            }
            if (cause instanceof java.sql.SQLTransientConnectionException || cause instanceof java.net.ConnectException
                    || cause instanceof java.sql.SQLRecoverableException
                    || (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
