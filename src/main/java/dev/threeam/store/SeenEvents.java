package dev.threeam.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Deliveries a sender may repeat (Slack retries an event it thinks was not received, to any replica): the first
 * delivery of an id acts, repeats within an hour are recognised, across replicas (a unique key in the database).
 */
public final class SeenEvents {

    /** Slack gives up retrying an event after about an hour. */
    private static final Duration REMEMBER = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile Instant lastForget = Instant.EPOCH;

    public SeenEvents(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** True the first time {@code id} is seen; false for a repeat. */
    public boolean firstTime(String id) {
        Instant now = clock.instant();
        return jdbi.withExtension(Store.class, store -> {
            if (lastForget.plus(Duration.ofMinutes(1)).isBefore(now)) {
                lastForget = now;
                store.forget(now.minus(REMEMBER));
            }
            return store.see(id, now) == 1;
        });
    }

    interface Store {
        @SqlUpdate("INSERT INTO seen_events (id, seen_at) VALUES (:id, :now) ON CONFLICT (id) DO NOTHING")
        int see(@Bind("id") String id, @Bind("now") Instant now);

        @SqlUpdate("DELETE FROM seen_events WHERE seen_at < :before")
        void forget(@Bind("before") Instant before);
    }
}
