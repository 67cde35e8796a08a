package dev.threeam.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.incident.Deliveries;
import dev.threeam.store.Database;
import dev.threeam.store.DeliveryException;
import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxHandler;
import dev.threeam.store.OutboxKind;
import dev.threeam.store.OutboxMessage;
import dev.threeam.store.Replica;
import dev.threeam.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's retry policy on a real SQLite outbox, driven by a moved clock: a service that keeps failing is retried
 * for as long as it fails (never given up), each wait from the backoff schedule; only a handler that throws something
 * unexpected is given up, after many tries.
 */
class OutboxWorkerTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-28T03:00:00Z");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Database database;
    Outbox outbox;
    Replica replica;
    List<OutboxMessage> givenUp = new ArrayList<>();
    AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("test.db"), null, null);
        outbox = new Outbox(database, Duration.ZERO);
        replica = new Replica(database, clock, Duration.ofSeconds(5)).start();
        database.jdbi().useHandle(handle -> Outbox.enqueue(handle, "INC-1", new Deliveries.PostCard(), clock.instant()));
    }

    @AfterEach
    void close() {
        replica.close();
        database.close();
    }

    OutboxWorker worker(RuntimeException failure) {
        OutboxHandler<Deliveries.PostCard> handler = OutboxHandler.of(Deliveries.PostCard.class, (row, card) -> {
            calls.incrementAndGet();
            throw failure;
        });
        return new OutboxWorker("test", replica, outbox, Map.of(OutboxKind.POST_CARD, handler), clock, new SlackMetrics(registry),
                (row, e) -> givenUp.add(row), Duration.ofSeconds(60));
    }

    @Test
    void a_card_slack_keeps_answering_5xx_to_is_retried_for_as_long_as_it_fails_and_never_given_up() {
        OutboxWorker worker = worker(DeliveryException.transientFailure("transient", "chat.postMessage failed: HTTP 500"));

        for (int i = 0; i < 120; i++) { // more than the 50 tries after which a failing card used to be given up
            assertThat(worker.runOnce()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(calls).hasValue(120);
        assertThat(givenUp).isEmpty();
        assertThat(outbox.pending()).isEqualTo(1);
        assertThat(outbox.retrying()).isEqualTo(1);
        assertThat(outbox.failed()).isZero();
        assertThat(registry.counter("threeam_outbox_retries", "kind", "post_card").count()).isEqualTo(120);
    }

    @Test
    void each_wait_comes_from_the_schedule_so_a_failed_card_is_not_tried_again_before_it() {
        OutboxWorker worker = worker(DeliveryException.transientFailure("transient", "chat.postMessage failed: HTTP 503"));

        worker.runOnce();
        assertThat(worker.runOnce()).as("not before its wait (at least 250 ms)").isZero();
        clock.advance(Duration.ofMillis(2500));
        assertThat(worker.runOnce()).as("a card waits at most 2.5 s").isEqualTo(1);
    }

    @Test
    void five_failures_of_a_card_in_a_row_cost_at_most_ten_seconds_of_waiting() {
        for (int round = 0; round < 1000; round++) {
            Duration waited = Duration.ZERO;
            for (int failures = 1; failures <= 5; failures++) {
                waited = waited.plus(RetrySchedule.after(failures, 0));
            }
            assertThat(waited).isBetween(Duration.ofMillis(6250), Duration.ofMillis(9750));
        }
        assertThat(RetrySchedule.after(1, 0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(750));
        assertThat(RetrySchedule.after(40, 2)).isLessThanOrEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void a_handler_that_throws_something_unexpected_is_given_up_after_fifty_tries() {
        OutboxWorker worker = worker(new IllegalStateException("a bug"));

        for (int i = 0; i < 60; i++) {
            worker.runOnce();
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(calls).hasValue(50);
        assertThat(givenUp).hasSize(1);
        assertThat(outbox.failed()).isEqualTo(1);
    }

    OutboxWorker worker(OutboxHandler<Deliveries.PostCard> handler) {
        return new OutboxWorker("test", replica, outbox, Map.of(OutboxKind.POST_CARD, handler), clock, new SlackMetrics(registry),
                (row, e) -> givenUp.add(row), Duration.ofSeconds(60));
    }

    @Test
    void rows_of_a_kind_whose_handler_is_not_ready_stay_unclaimed_and_untouched_until_it_is() {
        java.util.concurrent.atomic.AtomicBoolean ready = new java.util.concurrent.atomic.AtomicBoolean(false);
        OutboxWorker worker = worker(OutboxHandler.of(Deliveries.PostCard.class, (row, card) -> calls.incrementAndGet())
                .readyWhen(ready::get));

        assertThat(worker.runOnce()).isZero();
        assertThat(calls).hasValue(0);
        assertThat(outbox.pending()).isEqualTo(1);
        assertThat(outbox.retrying()).isZero();

        ready.set(true);
        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(calls).hasValue(1);
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void what_a_delivery_records_about_itself_commits_with_its_done_or_not_at_all() {
        java.util.concurrent.atomic.AtomicBoolean recordFails = new java.util.concurrent.atomic.AtomicBoolean(true);
        OutboxWorker worker = worker(OutboxHandler.recording(Deliveries.PostCard.class, (row, card) -> () -> {
            database.jdbi().useHandle(handle -> Outbox.enqueue(handle, "INC-2", new Deliveries.PostCard(), clock.instant()));
            if (recordFails.get()) {
                throw new IllegalStateException("the record could not be written");
            }
        }));

        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(outbox.pending()).isEqualTo(1); // INC-1 is still due, and INC-2's row went with the failed done
        assertThat(outbox.retrying()).isEqualTo(1);

        recordFails.set(false);
        clock.advance(Duration.ofHours(1));
        assertThat(worker.runOnce()).isEqualTo(1);
        assertThat(outbox.pending()).isEqualTo(1); // INC-1 done, INC-2's row written with it
        assertThat(outbox.retrying()).isZero();
    }
}
