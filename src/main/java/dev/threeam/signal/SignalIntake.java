package dev.threeam.signal;

import dev.threeam.common.Overloaded;
import dev.threeam.signal.Drops.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes what an export adds to the current minute, in one transaction: cumulative points become deltas against the
 * stream's last point (kept in the database, so replicas agree), then every series of the minute is added to. At
 * most {@link #WRITERS} exports write at once; one that cannot start within {@link #QUEUE_WAIT} is refused with
 * {@link Overloaded} (503 + Retry-After), nothing of it kept.
 */
final class SignalIntake {

    static final int WRITERS = 4;
    static final Duration QUEUE_WAIT = Duration.ofSeconds(2);
    /** Cumulative streams (distinct attribute sets) kept per workflow. */
    static final int MAX_STREAMS_PER_WORKFLOW = 5000;
    private static final int READ_CHUNK = 500;

    private final Jdbi jdbi;
    private final Clock clock;
    private final SeriesBook series;
    private final Semaphore writers = new Semaphore(WRITERS, true);

    SignalIntake(Jdbi jdbi, Clock clock, SeriesBook series) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.series = series;
    }

    /** Writes the batch's points; returns every drop of the export (the reader's and the cap's). */
    Drops accept(Batch batch) {
        Drops drops = new Drops();
        drops.addAll(batch.drops());
        Instant now = clock.instant();
        List<RawPoint> admitted = new ArrayList<>();
        for (RawPoint point : batch.points()) {
            Optional<Share> refused = point.shares().stream()
                    .filter(share -> !series.admit(point.workflow(), share.series(), now)).findFirst();
            if (refused.isPresent()) {
                drops.add(Reason.SERIES_CAP, point.workflow() + " holds " + series.cap() + " series; " + refused.get().series() + " is one more");
            } else {
                admitted.add(point);
            }
        }
        if (admitted.isEmpty()) {
            return drops;
        }
        try {
            if (!writers.tryAcquire(QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Overloaded("the OTLP intake is full (" + WRITERS + " exports being written); retry", Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Overloaded("interrupted while waiting to write", Duration.ofSeconds(1), e);
        }
        try {
            drops.addAll(TelemetryWrites.retry(() -> write(admitted, clock.instant())));
        } finally {
            writers.release();
        }
        return drops;
    }

    private Drops write(List<RawPoint> points, Instant now) {
        return jdbi.inTransaction(handle -> {
            SignalStore store = handle.attach(SignalStore.class);
            Drops drops = new Drops();
            Increments increments = new Increments(now.truncatedTo(ChronoUnit.MINUTES));
            List<RawPoint> cumulative = points.stream().filter(RawPoint::cumulative)
                    .sorted(Comparator.comparing(RawPoint::stream).thenComparingLong(RawPoint::timeNanos)).toList();
            Map<String, StreamState> kept = load(store, cumulative);
            Map<String, Long> streams = new HashMap<>();
            for (RawPoint point : cumulative) {
                advance(store, point, kept, streams, now, drops).ifPresent(delta -> increments.add(point, delta));
            }
            points.stream().filter(point -> !point.cumulative()).forEach(point -> increments.add(point, point.measure()));
            if (!increments.isEmpty()) {
                store.addMinutes(increments.minutes());
                List<SignalRows.Bucket> buckets = increments.buckets();
                if (!buckets.isEmpty()) {
                    store.addBuckets(buckets);
                }
            }
            return drops;
        });
    }

    /** Moves the point's stream on and answers what it adds; a replica that moved it meanwhile is read again once. */
    private Optional<Measure> advance(SignalStore store, RawPoint point, Map<String, StreamState> kept, Map<String, Long> streams,
                                      Instant now, Drops drops) {
        StreamState previous = kept.get(point.stream());
        if (previous == null) {
            long held = streams.computeIfAbsent(point.workflow(), store::streamCount);
            if (held >= MAX_STREAMS_PER_WORKFLOW) {
                drops.add(Reason.SERIES_CAP, point.workflow() + " holds " + MAX_STREAMS_PER_WORKFLOW + " cumulative streams");
                return Optional.empty();
            }
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            Temporality.Step step = Temporality.step(previous, point, now);
            if (!step.keep()) {
                return Optional.empty();
            }
            StreamState next = StreamState.of(point, now);
            boolean moved = previous == null ? store.insertStream(next) == 1
                    : store.moveStream(next, previous.timeNanos(), previous.startNanos()) == 1;
            if (moved) {
                if (previous == null) {
                    streams.merge(point.workflow(), 1L, Long::sum);
                }
                kept.put(point.stream(), next);
                return step.delta();
            }
            previous = store.streams(List.of(point.stream())).stream().findFirst().orElse(null);
        }
        return Optional.empty(); // raced twice on one stream: the other replica's points carry the change
    }

    private static Map<String, StreamState> load(SignalStore store, List<RawPoint> cumulative) {
        List<String> keys = cumulative.stream().map(RawPoint::stream).distinct().toList();
        Map<String, StreamState> kept = new HashMap<>();
        for (int from = 0; from < keys.size(); from += READ_CHUNK) {
            store.streams(keys.subList(from, Math.min(keys.size(), from + READ_CHUNK)))
                    .forEach(state -> kept.put(state.streamKey(), state));
        }
        return kept;
    }
}
