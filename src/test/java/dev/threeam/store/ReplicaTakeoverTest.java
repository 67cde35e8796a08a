package dev.threeam.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbox claims and replica heartbeats on a real SQLite: a row held by a replica that still beats stays its own for
 * the whole lease; a row held by a replica whose heartbeat stopped is free as soon as the heartbeat is
 * {@code REPLICA_TIMEOUT} old; a replica that stops cleanly frees its rows at once. Each replica has its own clock, so
 * one "dies" by its clock standing still while the other's moves on.
 */
class ReplicaTakeoverTest {

    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Instant START = Instant.parse("2026-11-28T03:00:00Z");

    @TempDir
    Path dir;
    Database database;
    Outbox outbox;
    MutableClock victimClock = new MutableClock(START);
    MutableClock survivorClock = new MutableClock(START);
    Replica victim;
    Replica survivor;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("test.db"), null, null);
        outbox = new Outbox(database, Duration.ZERO);
        victim = new Replica(database, victimClock, TIMEOUT).start();
        survivor = new Replica(database, survivorClock, TIMEOUT).start();
        database.jdbi().useHandle(handle -> Outbox.enqueue(handle, "INC-1", new dev.threeam.incident.Deliveries.PostCard(), START));
    }

    @AfterEach
    void close() {
        victim.close();
        survivor.close();
        database.close();
    }

    List<OutboxMessage> claim(Replica replica, MutableClock clock) {
        return outbox.claim(List.of(OutboxKind.POST_CARD), replica, replica.id() + "/w", clock.instant(), LEASE, 8);
    }

    @Test
    void a_row_held_by_a_replica_that_beats_stays_its_own_for_the_lease() {
        assertThat(claim(victim, victimClock)).hasSize(1);

        victimClock.advance(Duration.ofSeconds(30));
        survivorClock.advance(Duration.ofSeconds(30));
        beat(victim);

        assertThat(claim(survivor, survivorClock)).isEmpty();
    }

    @Test
    void a_row_held_by_a_replica_whose_heartbeat_stopped_is_free_once_the_heartbeat_is_older_than_the_timeout() {
        assertThat(claim(victim, victimClock)).hasSize(1);

        survivorClock.advance(Duration.ofSeconds(4)); // the victim's clock stands still: it beats no more
        assertThat(claim(survivor, survivorClock)).as("4 s of silence: still alive").isEmpty();

        survivorClock.advance(Duration.ofSeconds(2));
        List<OutboxMessage> taken = claim(survivor, survivorClock);
        assertThat(taken).hasSize(1);
        assertThat(outbox.renew(taken.get(0).id(), victim.id() + "/w", victimClock.instant().plus(LEASE)))
                .as("the victim, were it to wake, finds the row is no longer its own").isFalse();
    }

    @Test
    void a_replica_whose_own_heartbeat_looks_stale_leaves_the_rows_its_other_workers_hold_until_their_lease_runs_out() {
        assertThat(claim(victim, victimClock)).hasSize(1);

        victimClock.advance(Duration.ofSeconds(30)); // paused (GC, laptop sleep): its own heartbeat is 30 s old when it wakes
        assertThat(outbox.claim(List.of(OutboxKind.POST_CARD), victim, victim.id() + "/other", victimClock.instant(), LEASE, 8))
                .as("the row is held by this live process's other worker, not by a dead replica").isEmpty();

        victimClock.advance(Duration.ofSeconds(31));
        assertThat(outbox.claim(List.of(OutboxKind.POST_CARD), victim, victim.id() + "/other", victimClock.instant(), LEASE, 8))
                .as("once the lease ran out the row is free to anyone").hasSize(1);
    }

    @Test
    void a_restarted_replica_takes_back_its_dead_predecessors_rows_once_that_heartbeat_is_older_than_the_timeout() {
        assertThat(claim(victim, victimClock)).hasSize(1); // then kill -9: the victim beats no more

        MutableClock restartClock = new MutableClock(START.plus(TIMEOUT).plusSeconds(1));
        try (Replica restarted = new Replica(database, restartClock, TIMEOUT).start()) {
            assertThat(restarted.id()).isNotEqualTo(victim.id());
            assertThat(claim(restarted, restartClock)).hasSize(1);
        }
    }

    @Test
    void a_replica_that_stops_cleanly_frees_its_rows_at_once() {
        assertThat(claim(victim, victimClock)).hasSize(1);

        victim.close();

        assertThat(claim(survivor, survivorClock)).hasSize(1);
    }

    @Test
    void a_worker_takes_back_a_row_it_still_holds_when_its_answer_could_not_be_written() {
        assertThat(claim(victim, victimClock)).hasSize(1);

        assertThat(claim(victim, victimClock)).as("a worker handles one batch at a time: a row it still holds is a lost answer").hasSize(1);
    }

    private void beat(Replica replica) {
        database.jdbi().useExtension(ReplicaStore.class, store -> store.beat(replica.id(), victimClock.instant()));
    }
}
