package dev.threeam.signal;

import dev.threeam.common.Overloaded;
import java.time.Duration;
import java.util.function.Supplier;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs a transaction again when PostgreSQL chose it as a deadlock or serialization victim or another replica won a
 * race on a key; turns an unreachable (or, for SQLite, busy) database into {@link Overloaded}, which senders retry.
 */
final class Conflicts {

    private static final int ATTEMPTS = 5;
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private Conflicts() {}

    static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (ConnectionException e) {
                throw new Overloaded("the database is unreachable: " + e.getMessage(), RETRY_AFTER, e);
            } catch (JdbiException e) {
                if (unreachable(e)) {
                    throw new Overloaded("the database is unreachable: " + e.getMessage(), RETRY_AFTER, e);
                }
                if (attempt >= ATTEMPTS || !conflict(e)) {
                    throw e;
                }
            }
        }
    }

    private static boolean conflict(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("23505") || message.contains("duplicate key") || message.contains("UNIQUE constraint")
                    || message.contains("40001") || message.contains("could not serialize")
                    || message.contains("40P01") || message.contains("deadlock detected")) {
                return true;
            }
        }
        return false;
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
