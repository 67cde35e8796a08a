package dev.threeam.signal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reads a threshold's measure from the per-minute tables. A window is read in whole minutes: the minute
 * {@code now - window} falls in, up to the current one.
 */
final class Readings {

    private static final double P95 = 0.95;

    private Readings() {}

    static Instant since(Instant now, java.time.Duration window) {
        return now.minus(window).truncatedTo(ChronoUnit.MINUTES);
    }

    static Reading read(SignalStore store, Threshold threshold, Instant now) {
        Instant since = since(now, threshold.window());
        return switch (threshold.kind()) {
            case USD_PER_HOUR, USD_PER_DAY -> {
                SignalRows.Totals spent = totals(store, threshold, since);
                double lastHour = threshold.kind() == SignalKind.USD_PER_HOUR ? spent.total()
                        : totals(store, threshold, since(now, Thresholds.HOUR)).total();
                yield new Reading(spent.total(), spent.samples(), 0, threshold.window(), lastHour * 24);
            }
            case TOKENS_PER_HOUR -> {
                SignalRows.Totals used = totals(store, threshold, since);
                yield Reading.of(used.total(), used.samples(), threshold.window());
            }
            case LATENCY_P95, TTFT_P95 -> {
                List<Percentiles.Bucket> buckets = store.buckets(threshold.workflow(), threshold.series(), since).stream()
                        .map(bucket -> new Percentiles.Bucket(bucket.le(), bucket.hits())).toList();
                long samples = buckets.stream().mapToLong(Percentiles.Bucket::hits).sum();
                yield Reading.of(Percentiles.quantile(P95, buckets), samples, threshold.window());
            }
            case QUALITY -> {
                SignalRows.Totals scores = totals(store, threshold, since);
                yield Reading.of(scores.samples() == 0 ? Double.NaN : scores.total() / scores.samples(), scores.samples(), threshold.window());
            }
            case TOOL_ERROR_RATE -> {
                SignalRows.Totals calls = totals(store, threshold, since);
                yield new Reading(calls.samples() == 0 ? Double.NaN : (double) calls.errors() / calls.samples(), calls.samples(),
                        calls.errors(), threshold.window(), Double.NaN);
            }
        };
    }

    private static SignalRows.Totals totals(SignalStore store, Threshold threshold, Instant since) {
        return store.totals(threshold.workflow(), threshold.series(), since)
                .orElse(new SignalRows.Totals(threshold.series(), 0, 0, 0));
    }
}
