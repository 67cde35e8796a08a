package dev.threeam.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threeam.store.Database;
import dev.threeam.testing.PostgresSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A silence chosen again while the previous choice is being synced to Alertmanager must be synced too. On PostgreSQL
 * the choice (a later end, and "a sync is queued already") can commit while the finishing sync waits for the row; the
 * sync must then stay queued, or the later end never reaches Alertmanager.
 */
class SilenceSyncRaceTest {

    static final Instant TWO_HOURS = Instant.parse("2026-12-02T05:00:00Z");
    static final Instant EIGHT_HOURS = Instant.parse("2026-12-02T11:00:00Z");

    PostgresSchema schema;
    Database database;

    @BeforeEach
    void open() {
        schema = PostgresSchema.create();
        database = Database.open(schema.url(), null, null);
        database.jdbi().useHandle(handle -> handle.execute("""
                INSERT INTO incidents (id, seq, incident_key, open_key, title, failure_type, evidence, confidence, severity, status, drill,
                  alert_count, opened_at, last_alert_at)
                VALUES ('INC-1', 1, 'k', 'k', 'p95 latency 9.4 s > 4 s', 'latency_failure', '', 0.9, 'critical', 'triggered', FALSE, 1, 0, 0)"""));
        database.jdbi().useExtension(SilenceStore.class, store -> {
            store.create("INC-1", "[]", TWO_HOURS, "U0ONCALL", "oncall.person", "silence:1");
            store.queue("INC-1");
        });
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void a_choice_committed_while_the_sync_finishes_keeps_the_sync_queued() throws Exception {
        CompletableFuture<Integer> finished;
        try (Handle choice = database.jdbi().open()) {
            choice.begin();
            SilenceStore store = choice.attach(SilenceStore.class);
            store.extend("INC-1", EIGHT_HOURS, "U0ONCALL", "oncall.person", "silence:2", true);
            assertThat(store.queue("INC-1")).as("a sync is on its way already").isZero();
            finished = CompletableFuture.supplyAsync(() -> database.jdbi().withExtension(SilenceStore.class,
                    sync -> sync.unqueue("INC-1", SilenceRow.ACTIVE, TWO_HOURS)));
            await().atMost(Duration.ofSeconds(20)).until(this::someoneWaitsForALock);
            choice.commit();
        }

        assertThat(finished.get()).as("the sync carried out the two-hour choice, not the eight-hour one").isZero();
        assertThat(database.jdbi().withExtension(SilenceStore.class, store -> store.find("INC-1")).orElseThrow().queued()).isTrue();
    }

    private boolean someoneWaitsForALock() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")
                .mapTo(Long.class).one()) > 0;
    }
}
