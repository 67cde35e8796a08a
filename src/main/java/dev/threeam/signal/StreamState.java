package dev.threeam.signal;

import java.time.Instant;

/** The last point of a cumulative stream, kept in the database so every replica takes deltas from the same one. */
public record StreamState(String streamKey, String workflow, long startNanos, long timeNanos, double total, long samples,
                          String bounds, String hits, Instant seenAt) {

    Measure measure() {
        return Measure.of(total, samples, bounds, hits);
    }

    static StreamState of(RawPoint point, Instant now) {
        Measure measure = point.measure();
        return new StreamState(point.stream(), point.workflow(), point.startNanos(), point.timeNanos(), measure.total(),
                measure.samples(), measure.boundsText(), measure.hitsText(), now);
    }
}
