package dev.threeam.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import dev.threeam.common.Overloaded;
import dev.threeam.store.WriterFirst;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets concurrent requests share one commit: each caller hands over its work and waits; one writer thread runs
 * everything that queued up in a single transaction, then answers them all. Each caller still gets its answer only
 * after its own work is committed. If a shared transaction fails, each caller's work is retried alone, so one bad
 * request never fails its neighbours.
 */
final class GroupCommit<T, R> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCH = 256;
    /** Items waiting for the writer at most; past this the sender is told to come back (503 + Retry-After). */
    static final int CAPACITY = 20_000;
    /** Threads that answer {@link #submitAsync}'s callers after a commit (write their HTTP responses). */
    private static final int ANSWER_THREADS = 2;

    private record Job<T, R>(List<T> items, CompletableFuture<R> done) {}

    private final BlockingQueue<Job<T, R>> queue = new LinkedBlockingQueue<>();
    private final java.util.concurrent.Semaphore room;
    private final int capacity;
    private final Function<List<List<T>>, List<R>> transaction;
    private final Thread writer;
    private final WriterFirst writerFirst;
    /** Runs what callers of {@link #submitAsync} do with their answer, so the writer only writes. */
    private final java.util.concurrent.ExecutorService answers;
    private volatile boolean running = true;

    /** {@code transaction} writes every caller's items in one transaction and returns each caller's result. */
    GroupCommit(String name, Function<List<List<T>>, List<R>> transaction) {
        this(name, transaction, CAPACITY, WriterFirst.NONE);
    }

    GroupCommit(String name, Function<List<List<T>>, List<R>> transaction, int capacity) {
        this(name, transaction, capacity, WriterFirst.NONE);
    }

    /** {@code writerFirst}: told while work waits for this writer, so other users of the connection let it go first. */
    GroupCommit(String name, Function<List<List<T>>, List<R>> transaction, int capacity, WriterFirst writerFirst) {
        this.transaction = transaction;
        this.room = new java.util.concurrent.Semaphore(capacity);
        this.capacity = capacity;
        this.writerFirst = writerFirst;
        this.writer = new Thread(this::loop, "group-commit-" + name);
        java.util.concurrent.atomic.AtomicInteger answerThreads = new java.util.concurrent.atomic.AtomicInteger();
        this.answers = java.util.concurrent.Executors.newFixedThreadPool(ANSWER_THREADS, task -> {
            Thread thread = new Thread(task, "group-commit-" + name + "-answers-" + answerThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        writer.setDaemon(true);
        writerFirst.writer(writer);
        writer.start();
    }

    /**
     * Hands the items to the writer and waits until they are committed. When the queue already holds
     * {@link #CAPACITY} items (the database cannot keep up, or is down), refuses at once with {@link Overloaded}.
     */
    R submit(List<T> items) {
        CompletableFuture<R> done = enqueue(items);
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Hands the items to the writer without waiting: the future completes once they are committed (or with the
     * error that stopped them) on one of the answer threads, never the writer's, so what the caller chains on it
     * does not hold up the next batch. Refuses at once with {@link Overloaded}, as {@link #submit}.
     */
    CompletableFuture<R> submitAsync(List<T> items) {
        // the same outcome, handed over to an answer thread
        return enqueue(items).whenCompleteAsync((result, error) -> {}, answers);
    }

    /** Items handed over and not yet committed (waiting, or in the transaction being written). */
    int waiting() {
        return capacity - room.availablePermits();
    }

    private CompletableFuture<R> enqueue(List<T> items) {
        int permits = Math.max(1, items.size());
        if (!room.tryAcquire(permits)) {
            throw new Overloaded("3am is busy writing earlier alerts; nothing of this request was accepted, send it again",
                    java.time.Duration.ofSeconds(1));
        }
        CompletableFuture<R> done = new CompletableFuture<>();
        done.whenComplete((result, error) -> {
            room.release(permits);
            writerFirst.written();
        });
        writerFirst.queued();
        queue.add(new Job<>(items, done));
        return done;
    }

    private void loop() {
        while (running) {
            List<Job<T, R>> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            run(batch);
        }
    }

    private void run(List<Job<T, R>> batch) {
        try {
            List<R> results = transaction.apply(batch.stream().map(Job::items).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException shared) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(shared);
                return;
            }
            LOG.debug("a shared commit of {} requests failed ({}); committing them one by one", batch.size(), shared.toString());
            for (Job<T, R> job : batch) {
                try {
                    job.done().complete(transaction.apply(List.of(job.items())).get(0));
                } catch (RuntimeException alone) {
                    job.done().completeExceptionally(alone);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        answers.shutdown();
    }
}
