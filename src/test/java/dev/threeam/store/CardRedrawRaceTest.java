package dev.threeam.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threeam.testing.PostgresSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change that lands while its card is being redrawn must be drawn too. On PostgreSQL two transactions really run
 * side by side: the change's "again" can be written (not yet committed) while the worker finishes the redraw. The
 * worker's {@link Outbox#done} must see it once it commits, or the card ends on the state before the change
 * (an action shown "in_flight" forever).
 */
class CardRedrawRaceTest {

    static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");

    PostgresSchema schema;
    Database database;
    Outbox outbox;
    Replica replica;

    @BeforeEach
    void open() {
        schema = PostgresSchema.create();
        database = Database.open(schema.url(), null, null);
        outbox = new Outbox(database, Duration.ZERO);
        replica = new Replica(database, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC), Duration.ofSeconds(5)).start();
    }

    @AfterEach
    void close() {
        if (replica != null) {
            replica.close();
        }
        if (database != null) {
            database.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void a_change_written_while_the_redraw_finishes_asks_for_one_more_redraw() throws Exception {
        database.jdbi().useHandle(handle -> Outbox.redrawCard(handle, "INC-1", NOW, null, Duration.ZERO));
        List<OutboxMessage> claimed = outbox.claim(List.of(OutboxKind.UPDATE_CARD), replica, "w", NOW, Duration.ofSeconds(60), 8);
        assertThat(claimed).hasSize(1);

        CompletableFuture<Void> finished;
        try (Handle change = database.jdbi().open()) {
            change.begin();
            Outbox.redrawCard(change, "INC-1", NOW, NOW, Duration.ZERO); // the change, while the redraw is being sent
            finished = CompletableFuture.runAsync(() -> outbox.done(claimed.get(0), NOW));
            await().atMost(Duration.ofSeconds(20)).until(this::someoneWaitsForALock);
            change.commit();
        }
        finished.get();

        assertThat(outbox.pending()).as("one more redraw, for the change").isEqualTo(1);
    }

    private boolean someoneWaitsForALock() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")
                .mapTo(Long.class).one()) > 0;
    }
}
