package dev.threeam.slack;

import dev.threeam.store.DeliveryException;
import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxHandler;
import dev.threeam.store.OutboxKind;
import dev.threeam.store.OutboxMessage;
import io.github.resilience4j.core.IntervalFunction;
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
 * as {@link DeliveryException}s: waits (429, a card not posted yet) are rescheduled without counting, transient
 * failures back off exponentially with jitter, permanent ones are recorded and reported.
 */
public final class OutboxWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    /** Rows claimed at once: small, so a new card never waits behind a long batch of replies. */
    static final int BATCH = 8;
    private static final int MAX_TRANSIENT_ATTEMPTS = 50;

    private final String name;
    /** Unique per process, so two replicas never mistake each other's claims for their own. */
    private final String workerId;
    private final Outbox outbox;
    private final Map<OutboxKind, OutboxHandler<?>> handlers;
    private final Clock clock;
    private final SlackMetrics metrics;
    private final BiConsumer<OutboxMessage, DeliveryException> onPermanentFailure;
    private final Duration lease;
    private final IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(Duration.ofSeconds(1), 2.0, 0.5, Duration.ofMinutes(5));
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean running;
    private boolean signalled;
    private Thread thread;

    public OutboxWorker(String name, Outbox outbox, Map<OutboxKind, OutboxHandler<?>> handlers, Clock clock, SlackMetrics metrics,
            BiConsumer<OutboxMessage, DeliveryException> onPermanentFailure, Duration lease) {
        this.lease = lease;
        this.name = name;
        this.workerId = name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
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
    private int runOnce() {
        List<OutboxMessage> batch = outbox.claim(handlers.keySet(), workerId, clock.instant(), lease, BATCH);
        for (OutboxMessage message : batch) {
            if (!running && thread != null) {
                outbox.retryAt(message.id(), clock.instant(), "shutting down", false);
                continue;
            }
            // a batch can outlast its lease when Slack is slow: renew before each row, and skip rows taken over
            if (outbox.renew(message.id(), workerId, clock.instant().plus(lease))) {
                handle(message);
            }
        }
        return batch.size();
    }

    private void loop() {
        while (running) {
            try {
                if (runOnce() == 0) {
                    idle();
                }
            } catch (RuntimeException e) {
                LOG.warn("outbox {}: {}", name, e.toString());
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
            deliver(handlers.get(message.kind()), message);
            outbox.done(message, clock.instant());
        } catch (DeliveryException e) {
            failed(message, e);
        } catch (RuntimeException e) {
            LOG.warn("outbox {} row {} ({}) failed unexpectedly", name, message.id(), message.kind(), e);
            failed(message, DeliveryException.transientFailure("error", e.toString()));
        }
    }

    private static <P extends dev.threeam.store.OutboxPayload> void deliver(OutboxHandler<P> handler, OutboxMessage message) {
        handler.deliver(message, Outbox.payload(message, handler.payloadType()));
    }

    private void failed(OutboxMessage message, DeliveryException e) {
        Instant now = clock.instant();
        switch (e.next()) {
            case RETRY_AFTER -> outbox.retryAt(message.id(), now.plus(e.waitTime()), e.getMessage(), false);
            case BACKOFF -> {
                metrics.retry(message.kind().id());
                int attempt = Math.max(1, message.attempts() + 1);
                if (attempt >= MAX_TRANSIENT_ATTEMPTS) {
                    giveUp(message, e);
                } else {
                    long delay = backoff.apply(Math.min(attempt, 20));
                    if (e.waitTime() != null) {
                        delay = Math.max(delay, e.waitTime().toMillis());
                    }
                    outbox.retryAt(message.id(), now.plusMillis(delay), e.getMessage(), true);
                }
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
