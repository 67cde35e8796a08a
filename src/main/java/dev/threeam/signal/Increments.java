package dev.threeam.signal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one export adds to the current minute, summed per workflow and series (and bucket) before it is written,
 * in key order so concurrent writers lock rows in the same order.
 */
final class Increments {

    private final Instant minute;
    private final Map<String, double[]> sums = new TreeMap<>();
    private final Map<String, Map<Double, long[]>> buckets = new TreeMap<>();

    Increments(Instant minute) {
        this.minute = minute;
    }

    void add(RawPoint point, Measure measure) {
        for (Share share : point.shares()) {
            String key = point.workflow() + '\u0000' + share.series();
            double[] sum = sums.computeIfAbsent(key, k -> new double[3]);
            sum[0] += measure.total() * share.factor();
            sum[1] += measure.samples();
            sum[2] += share.errors() ? measure.samples() : 0;
            if (measure.histogram() && keepsBuckets(share.series())) {
                Map<Double, long[]> hits = buckets.computeIfAbsent(key, k -> new TreeMap<>());
                for (int index = 0; index < measure.bounds().length; index++) {
                    hits.computeIfAbsent(measure.bounds()[index], le -> new long[1])[0] += measure.hits()[index];
                }
            }
        }
    }

    boolean isEmpty() {
        return sums.isEmpty();
    }

    List<SignalRows.Minute> minutes() {
        List<SignalRows.Minute> rows = new ArrayList<>();
        sums.forEach((key, sum) -> {
            String[] parts = key.split("\u0000", 2);
            rows.add(new SignalRows.Minute(parts[0], parts[1], minute, sum[0], (long) sum[1], (long) sum[2]));
        });
        return rows;
    }

    List<SignalRows.Bucket> buckets() {
        List<SignalRows.Bucket> rows = new ArrayList<>();
        buckets.forEach((key, hits) -> {
            String[] parts = key.split("\u0000", 2);
            hits.forEach((le, count) -> rows.add(new SignalRows.Bucket(parts[0], parts[1], minute, le, count[0])));
        });
        return rows;
    }

    /** Percentiles are read from latency buckets only; other histograms need their sums. */
    private static boolean keepsBuckets(String series) {
        return series.equals(Series.LATENCY) || series.equals(Series.TTFT);
    }
}
