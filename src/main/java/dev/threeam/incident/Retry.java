package dev.threeam.incident;

import java.util.function.Supplier;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Runs a transaction again when another replica won a race on a unique key (two replicas opening the same
 * incident at the same instant: the second attempt finds the first one's row and joins it), or when PostgreSQL
 * chose it as a deadlock or serialization victim.
 */
final class Retry {

    private static final int ATTEMPTS = 5;

    private Retry() {}

    static <T> T onConflict(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (UnableToExecuteStatementException e) {
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
}
