package dev.threeam.store;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Puts the alert writer first in line for SQLite's one connection. While alerts wait to be committed, every other
 * thread (the outbox workers above all) waits before asking for the connection, for at most {@link #MAX_WAIT} each
 * time, so a batch of alerts does not queue behind outbox bookkeeping and nothing else starves for long. On
 * PostgreSQL, with a pool of connections, it does nothing ({@link #NONE}).
 */
public final class WriterFirst {

    /** The longest another thread waits for the writer before taking its turn anyway. */
    static final Duration MAX_WAIT = Duration.ofMillis(20);
    /** Nobody waits: PostgreSQL, and tests that build a service without a database of their own. */
    public static final WriterFirst NONE = new WriterFirst(false);

    private final boolean enabled;
    private final Set<Thread> writers = new CopyOnWriteArraySet<>();
    private final AtomicInteger waitingWrites = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();

    WriterFirst(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@code thread} writes the alerts: it never waits for itself. */
    public void writer(Thread thread) {
        writers.add(thread);
    }

    /** Work for the writer was queued: others hold back until {@link #written}. */
    public void queued() {
        if (enabled) {
            waitingWrites.incrementAndGet();
        }
    }

    /** Work queued for the writer was committed (or failed). */
    public void written() {
        if (enabled && waitingWrites.decrementAndGet() == 0) {
            lock.lock();
            try {
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Called before a thread takes the connection: waits (briefly) while the writer has work, unless it is the writer. */
    void beforeConnect() {
        if (!enabled || waitingWrites.get() == 0 || writers.contains(Thread.currentThread())) {
            return;
        }
        lock.lock();
        try {
            long nanos = MAX_WAIT.toNanos();
            while (waitingWrites.get() > 0 && nanos > 0) {
                nanos = idle.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
