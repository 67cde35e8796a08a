package dev.threeam.store;

import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs a transaction again when another replica won a race on a unique key (two replicas opening the same incident
 * at the same instant: the second attempt finds the first one's row and joins it), or when PostgreSQL chose it as a
 * deadlock or serialization victim. Anything else is the caller's to handle.
 */
public final class Conflicts {

    private static final int ATTEMPTS = 5;

    private Conflicts() {}

    public static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (JdbiException e) {
                if (attempt >= ATTEMPTS || !conflict(e)) {
                    throw e;
                }
            }
        }
    }

    /** True when {@code error} is a lost race on a key, a deadlock or a serialization failure: trying again can succeed. */
    public static boolean conflict(Throwable error) {
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
