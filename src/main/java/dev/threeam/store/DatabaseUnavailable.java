package dev.threeam.store;

import dev.threeam.common.Overloaded;

/**
 * The database does not answer (PostgreSQL unreachable or restarting, SQLite read-only or full): the request is refused
 * with the overload answer every ingest route shares ({@code 503} + {@code Retry-After}); nothing of it was written.
 */
public final class DatabaseUnavailable extends Overloaded {

    private final String reason;

    DatabaseUnavailable(String reason, Throwable cause) {
        super("the database is unavailable (" + reason + "); nothing of this request was accepted, send it again",
                DatabaseOutage.RETRY_AFTER, cause);
        this.reason = reason;
    }

    /** What is wrong, in a few words ({@code the SQLite database is full}). */
    public String reason() {
        return reason;
    }
}
