package dev.threeam.signal;

import java.util.Arrays;
import java.util.List;

/**
 * What one data point carries: a total (a sum of tokens, seconds or scores), how many samples it sums, and for
 * histograms the bucket counts under their upper bounds (the last bound {@link Double#MAX_VALUE}).
 */
record Measure(double total, long samples, double[] bounds, long[] hits) {

    static final double[] NO_BOUNDS = new double[0];
    static final long[] NO_HITS = new long[0];

    Measure {
        bounds = bounds == null ? NO_BOUNDS : bounds;
        hits = hits == null ? NO_HITS : hits;
        if (bounds.length != hits.length) {
            throw new IllegalArgumentException(bounds.length + " bounds for " + hits.length + " bucket counts");
        }
    }

    static Measure number(double value) {
        return new Measure(value, 1, NO_BOUNDS, NO_HITS);
    }

    /** An OTLP explicit-bucket histogram: {@code counts} has one more entry than {@code explicitBounds}. */
    static Measure histogram(double sum, long count, List<Double> explicitBounds, List<Long> counts, double scale) {
        if (counts.isEmpty()) {
            return new Measure(sum * scale, count, NO_BOUNDS, NO_HITS);
        }
        if (counts.size() != explicitBounds.size() + 1) {
            throw new IllegalArgumentException(counts.size() + " bucket counts for " + explicitBounds.size() + " bounds");
        }
        double[] bounds = new double[counts.size()];
        long[] hits = new long[counts.size()];
        for (int index = 0; index < counts.size(); index++) {
            bounds[index] = index < explicitBounds.size() ? explicitBounds.get(index) * scale : Double.MAX_VALUE;
            hits[index] = counts.get(index);
        }
        return new Measure(sum * scale, count, bounds, hits);
    }

    boolean histogram() {
        return bounds.length > 0;
    }

    boolean sameBuckets(Measure other) {
        return Arrays.equals(bounds, other.bounds);
    }

    /** This cumulative point minus an earlier one of the same stream; null when something went down (a reset). */
    Measure minus(Measure earlier) {
        if (total < earlier.total || samples < earlier.samples) {
            return null;
        }
        long[] delta = new long[hits.length];
        for (int index = 0; index < hits.length; index++) {
            delta[index] = hits[index] - earlier.hits[index];
            if (delta[index] < 0) {
                return null;
            }
        }
        return new Measure(total - earlier.total, samples - earlier.samples, bounds, delta);
    }

    Measure withSamples(long count) {
        return new Measure(total, count, bounds, hits);
    }

    /** Bucket counts as stored with a stream: {@code 0,3,5,1}. */
    String hitsText() {
        StringBuilder text = new StringBuilder();
        for (long hit : hits) {
            text.append(text.isEmpty() ? "" : ",").append(hit);
        }
        return text.toString();
    }

    String boundsText() {
        StringBuilder text = new StringBuilder();
        for (double bound : bounds) {
            text.append(text.isEmpty() ? "" : ",").append(bound);
        }
        return text.toString();
    }

    static Measure of(double total, long samples, String boundsText, String hitsText) {
        if (boundsText == null || boundsText.isEmpty()) {
            return new Measure(total, samples, NO_BOUNDS, NO_HITS);
        }
        return new Measure(total, samples, Arrays.stream(boundsText.split(",")).mapToDouble(Double::parseDouble).toArray(),
                Arrays.stream(hitsText.split(",")).mapToLong(Long::parseLong).toArray());
    }
}
