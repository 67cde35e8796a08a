package dev.threeam.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a cumulative point into what happened since the stream's previous point. A new start time or a value that
 * went down is a reset: the point counts from its new start. The first point of a stream counts in full when the
 * stream started recently ({@link #FIRST_POINT_HORIZON}); an older stream's first point is only a baseline, so a
 * restart of 3am does not count a process's whole history again. A point no newer than the one kept (a retry, or
 * a replica that was faster) counts nothing.
 */
final class Temporality {

    /** A stream first seen that started at most this long ago counts from its start. */
    static final Duration FIRST_POINT_HORIZON = Duration.ofMinutes(10);

    private Temporality() {}

    /** What the point adds, if anything, and whether it becomes the stream's kept point. */
    record Step(Optional<Measure> delta, boolean keep) {
        static final Step IGNORE = new Step(Optional.empty(), false);
    }

    static Step step(StreamState previous, RawPoint point, Instant now) {
        Measure current = point.measure();
        if (previous == null) {
            boolean recent = point.startNanos() > 0
                    && point.startNanos() >= nanos(now.minus(FIRST_POINT_HORIZON));
            return new Step(recent ? Optional.of(counted(current, point)) : Optional.empty(), true);
        }
        if (point.timeNanos() <= previous.timeNanos()) {
            return Step.IGNORE;
        }
        Measure earlier = previous.measure();
        if (point.startNanos() != previous.startNanos()) {
            return new Step(Optional.of(counted(current, point)), true); // restarted: everything since its new start
        }
        if (!current.sameBuckets(earlier)) {
            return new Step(Optional.empty(), true); // bucket layout changed: this point is the new baseline
        }
        Measure delta = current.minus(earlier);
        return new Step(Optional.of(counted(delta == null ? current : delta, point)), true);
    }

    private static Measure counted(Measure measure, RawPoint point) {
        return point.counted() ? measure.withSamples(1) : measure;
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
