package dev.threeam.slack;

import dev.threeam.store.DatabaseOutage;
import dev.threeam.store.DeliveryException;
import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxHandler;
import dev.threeam.store.OutboxKind;
import dev.threeam.store.OutboxMessage;
import dev.threeam.store.Replica;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due outbox rows and hands each to the handler of its kind, one at a time, in order. Failures come back
 * as {@link DeliveryException}s: waits (429, a card not posted yet, a refused token) are rescheduled without counting,
 * transient failures back off exponentially with jitter ({@link RetrySchedule}) for as long as they last, permanent
 * ones are recorded and reported. While the database is unavailable the worker waits quietly (the outage is logged
 * once) and carries on when it answers.
 */
public final class OutboxWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    /** Rows claimed at once: small, so a new card never waits behind a long batch of replies. */
    static final int BATCH = 8;
    /** A handler that throws something unexpected (a bug, not a service failing) is given up after this many tries. */
    private static final int MAX_UNEXPECTED_FAILURES = 50;
    private static final String UNEXPECTED = "error";

    private final String name;
    private final Replica replica;
    /** Unique per process, so two replicas never mistake each other's claims for their own. */
    private final String workerId;
    private final Outbox outbox;
    private final Map<OutboxKind, OutboxHandler<?>> handlers;
    private final Clock clock;
    private final SlackMetrics metrics;
    private final BiConsumer<OutboxMessage, DeliveryException> onPermanentFailure;
    private final Duration lease;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean running;
    private boolean signalled;
    private Thread thread;

    public OutboxWorker(String name, Replica replica, Outbox outbox, Map<OutboxKind, OutboxHandler<?>> handlers, Clock clock,
            SlackMetrics metrics, BiConsumer<OutboxMessage, DeliveryException> onPermanentFailure, Duration lease) {
        this.lease = lease;
        this.name = name;
        this.replica = replica;
        this.workerId = replica.id() + "/" + name + "-" + java.util.UUID.randomUUID().toString().substring(0, 4);
        this.outbox = outbox;
        this.handlers = Map.copyOf(handlers);
        this.clock = clock;
        this.metrics = metrics;
        this.onPermanentFailure = onPermanentFailure;
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, "outbox-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** New rows were committed: look now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            signalled = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Runs every due row once. Returns how many were handled. */
    int runOnce() {
        // kinds a rate limit holds back stay unclaimed: claiming them would only put them back
        List<OutboxKind> ready = handlers.entrySet().stream().filter(entry -> entry.getValue().ready()).map(Map.Entry::getKey).toList();
        if (ready.isEmpty()) {
            return 0;
        }
        Instant claimed = clock.instant();
        List<OutboxMessage> batch = outbox.claim(ready, replica, workerId, claimed, lease, BATCH);
        for (OutboxMessage message : batch) {
            if (!running && thread != null) {
                outbox.retryAt(message.id(), clock.instant(), "shutting down", false);
                continue;
            }
            // a batch can outlast its lease when Slack is slow: renew before each row, and skip rows taken over
            if (stillOwn(claimed) || outbox.renew(message.id(), workerId, clock.instant().plus(lease))) {
                handle(message);
            }
        }
        return batch.size();
    }

    /**
     * True when rows claimed at {@code claimed} are surely still this worker's without asking the database: less than
     * half the lease has passed, and this replica's heartbeat is too recent for another to take its rows over.
     */
    private boolean stillOwn(Instant claimed) {
        Instant now = clock.instant();
        return now.isBefore(claimed.plus(lease.dividedBy(2))) && replica.surelyAlive(now);
    }

    private void loop() {
        while (running) {
            try {
                if (runOnce() == 0) {
                    idle();
                }
            } catch (RuntimeException e) {
                if (!DatabaseOutage.isUnavailable(e)) { // an outage is logged once, where it is noticed
                    LOG.warn("outbox {}: {}", name, e.toString());
                }
                idle();
            }
        }
    }

    private void idle() {
        lock.lock();
        try {
            if (!signalled) {
                work.await(200, TimeUnit.MILLISECONDS);
            }
            signalled = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void handle(OutboxMessage message) {
        try {
            Runnable record = deliver(handlers.get(message.kind()), message);
            outbox.done(message, clock.instant(), record);
        } catch (DeliveryException e) {
            failed(message, e);
        } catch (RuntimeException e) {
            if (DatabaseOutage.isUnavailable(e)) {
                return; // nothing can be written now; the row stays this worker's and is taken again once the database answers
            }
            LOG.warn("outbox {} row {} ({}) failed unexpectedly", name, message.id(), message.kind(), e);
            failed(message, DeliveryException.transientFailure(UNEXPECTED, e.toString()));
        }
    }

    private static <P extends dev.threeam.store.OutboxPayload> Runnable deliver(OutboxHandler<P> handler, OutboxMessage message) {
        return handler.deliver(message, Outbox.payload(message, handler.payloadType()));
    }

    private void failed(OutboxMessage message, DeliveryException e) {
        Instant now = clock.instant();
        switch (e.next()) {
            case RETRY_AFTER -> outbox.retryAt(message.id(), now.plus(e.waitTime()), e.getMessage(), false);
            case BACKOFF -> {
                int failures = message.failures() + 1;
                if (e.code().equals(UNEXPECTED) && failures >= MAX_UNEXPECTED_FAILURES) {
                    giveUp(message, e);
                    return;
                }
                metrics.retry(message.kind().id());
                Duration delay = RetrySchedule.after(failures, message.priority());
                if (e.waitTime() != null && e.waitTime().compareTo(delay) > 0) {
                    delay = e.waitTime();
                }
                outbox.retryAt(message.id(), now.plus(delay), e.getMessage(), true);
            }
            case GIVE_UP -> giveUp(message, e);
        }
    }

    private void giveUp(OutboxMessage message, DeliveryException e) {
        outbox.fail(message.id(), e.getMessage());
        metrics.permanentFailure(message.kind().id(), e.code());
        LOG.warn("outbox {} row {} ({}) failed for good: {}", name, message.id(), message.kind(), e.getMessage());
        onPermanentFailure.accept(message, e);
    }

    /** Stops several workers at once: all stop taking rows now, then each gets what is left of {@code timeout}. */
    public static void stopAll(List<OutboxWorker> workers, Duration timeout) {
        workers.forEach(worker -> {
            worker.running = false;
            worker.wake();
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        for (OutboxWorker worker : workers) {
            if (worker.thread == null) {
                continue;
            }
            try {
                worker.thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stopAll(List.of(this), Duration.ofSeconds(10));
    }
}
