package dev.threeam.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one fixed-rate run measured over the requests scheduled in its measuring window: answered 2xx, failed, 503
 * (overloaded), never answered; ack latency from each request's scheduled time, over the window and per slice; and
 * the CPU the generator itself used over the whole run.
 */
record FixedRateResult(String target, double offeredRate, long scheduled, long answered, long failed, long overloaded,
                       long unanswered, double seconds, double p50Ms, double p99Ms, double maxMs, List<Slice> slices,
                       double generatorCpuSeconds, double runSeconds, String firstError) {

    /** "Flat" allows a slice this much over the fastest, whatever their ratio: sub-millisecond p99s are noise. */
    static final double FLAT_SLACK_MS = 5;

    /** One slice of the window: from {@code fromSecond}, how many were answered, their p99 and max. */
    record Slice(double fromSecond, long answered, double p99Ms, double maxMs) {}

    static FixedRateResult of(String target, double rate, long[] outcomes, long start, long measureFrom, long end, Duration slice,
                              double generatorCpuSeconds, String firstError) {
        long sliceNanos = slice.toNanos();
        int sliceCount = (int) Math.ceil((end - measureFrom) / (double) sliceNanos);
        List<List<Long>> bySlice = new ArrayList<>();
        for (int index = 0; index < sliceCount; index++) {
            bySlice.add(new ArrayList<>());
        }
        long scheduled = 0;
        long failed = 0;
        long overloaded = 0;
        long unanswered = 0;
        long[] window = new long[outcomes.length];
        int answered = 0;
        for (int index = 0; index < outcomes.length; index++) {
            long at = start + (long) (index * 1e9 / rate);
            if (at < measureFrom || at >= end) {
                continue;
            }
            scheduled++;
            long outcome = outcomes[index];
            if (outcome == LoadGenerator.FAILED) {
                failed++;
            } else if (outcome == LoadGenerator.OVERLOADED) {
                overloaded++;
            } else if (outcome == LoadGenerator.UNANSWERED) {
                unanswered++;
            } else {
                window[answered++] = outcome;
                bySlice.get((int) Math.min(sliceCount - 1, (at - measureFrom) / sliceNanos)).add(outcome);
            }
        }
        long[] sorted = Arrays.copyOf(window, answered);
        Arrays.sort(sorted);
        List<Slice> slices = new ArrayList<>();
        for (int index = 0; index < sliceCount; index++) {
            long[] inSlice = bySlice.get(index).stream().mapToLong(Long::longValue).sorted().toArray();
            slices.add(new Slice(index * sliceNanos / 1e9, inSlice.length, LoadGenerator.percentile(inSlice, 0.99),
                    inSlice.length == 0 ? Double.NaN : inSlice[inSlice.length - 1] / 1e6));
        }
        return new FixedRateResult(target, rate, scheduled, answered, failed, overloaded, unanswered, (end - measureFrom) / 1e9,
                LoadGenerator.percentile(sorted, 0.50), LoadGenerator.percentile(sorted, 0.99),
                answered == 0 ? Double.NaN : sorted[answered - 1] / 1e6, slices, generatorCpuSeconds, (end - start) / 1e9, firstError);
    }

    double answeredPerSecond() {
        return answered / seconds;
    }

    long errors() {
        return failed + overloaded + unanswered;
    }

    /** Share of one core the generator used while it ran. */
    double generatorCores() {
        return generatorCpuSeconds / runSeconds;
    }

    /**
     * The "flat": no 10 s slice's p99 more than twice the fastest slice's p99 (or {@link #FLAT_SLACK_MS}
     * over it, for sub-ms noise). A queue that grows, or a stall in the middle of the run, fails it; a first slice
     * a little slower than the rest does not. (Against the median, a queue growing from 4 s to 26 s had passed.)
     */
    boolean flat() {
        double[] p99s = slices.stream().mapToDouble(Slice::p99Ms).toArray();
        if (p99s.length < 2 || Arrays.stream(p99s).anyMatch(Double::isNaN)) {
            return false;
        }
        double[] sorted = p99s.clone();
        Arrays.sort(sorted);
        double fastest = sorted[0];
        double worst = sorted[sorted.length - 1];
        return worst <= 2 * fastest || worst <= fastest + FLAT_SLACK_MS;
    }

    String slicesText() {
        return String.join(" / ", slices.stream().map(slice -> Targets.ms(slice.p99Ms())).toList());
    }

    String line() {
        return String.format(Locale.ROOT, "%-16s @%6.0f/s  answered %8.0f/s  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms  errors %d"
                        + "  (503: %d)  p99 per slice %s  generator %.0f%% of a core", target, offeredRate, answeredPerSecond(), p50Ms,
                p99Ms, maxMs, errors(), overloaded, slicesText(), generatorCores() * 100);
    }
}
