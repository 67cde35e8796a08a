package dev.threeam.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process among the replicas sharing a database: it registers and writes a heartbeat five times per
 * {@code timeout}. An outbox row held by a replica whose heartbeat is older than {@code timeout} is free, so the
 * deliveries of a replica killed with {@code kill -9} are taken over within seconds (by the survivor, or by the same
 * process restarted), not after their lease. A clean stop leaves at once. The heartbeat is also the write that tells
 * {@link DatabaseOutage} the database takes writes again.
 */
public final class Replica implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Replica.class);
    /** A replica silent this long is forgotten. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final String id = "r-" + UUID.randomUUID().toString().substring(0, 8);
    private final Jdbi jdbi;
    private final DatabaseOutage outage;
    private final Clock clock;
    private final Duration timeout;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replica-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean registered;
    /** When the last heartbeat was written, by this process's clock. */
    private volatile Instant lastBeat;
    private long beatsSinceForget;

    public Replica(Database database, Clock clock, Duration timeout) {
        this.jdbi = database.jdbi();
        this.outage = database.outage();
        this.clock = clock;
        this.timeout = timeout.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : timeout;
    }

    /** Registers now and beats from now on. */
    public Replica start() {
        beat();
        long every = Math.max(100, timeout.toMillis() / 5);
        beats.scheduleAtFixedRate(this::beatQuietly, every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    public String id() {
        return id;
    }

    /**
     * True when this replica's last heartbeat was written less than half {@code timeout} before {@code now}: no other
     * replica can have taken its rows as a dead replica's, so a fresh claim is still its own without asking.
     */
    public boolean surelyAlive(Instant now) {
        Instant beat = lastBeat;
        return beat != null && now.isBefore(beat.plus(timeout.dividedBy(2)));
    }

    /** Rows of other replicas whose last heartbeat is before this are free (never this replica's own: it is alive). */
    Instant aliveSince(Instant now) {
        return now.minus(timeout);
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isUnavailable(e)) {
                LOG.warn("replica {}: heartbeat failed: {}", id, e.toString());
            }
        }
    }

    /** Writes the heartbeat; while the database is down, this is what looks whether it is back. */
    private void beat() {
        outage.probe(this::write);
        outage.wrote();
    }

    private void write() {
        Instant now = clock.instant();
        jdbi.useExtension(ReplicaStore.class, store -> {
            if (!registered || store.beat(id, now) == 0) { // forgotten while silent for an hour: register again
                store.register(id, now);
                registered = true;
            }
            if (++beatsSinceForget >= 600) {
                beatsSinceForget = 0;
                store.forget(now.minus(FORGET_AFTER));
            }
        });
        lastBeat = now;
    }

    /** Stops beating and leaves, so the rows this replica still held are free at once. */
    @Override
    public void close() {
        beats.shutdownNow();
        lastBeat = null;
        try {
            jdbi.useExtension(ReplicaStore.class, store -> store.leave(id));
        } catch (RuntimeException e) {
            LOG.debug("replica {}: could not leave ({}); its rows are free once its heartbeat is {} old", id, e.toString(), timeout);
        }
    }
}
