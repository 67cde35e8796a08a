package dev.threeam.signal;

import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads a threshold's measure minute by minute from the per-minute tables, each point over the threshold's window
 * ending at its minute and judged as {@link Readings} and {@link Threshold#judge} do (too few samples: no value).
 */
final class History {

    private static final double P95 = 0.95;

    private final Jdbi jdbi;
    private final RunbookRegistry runbooks;

    History(Jdbi jdbi, RunbookRegistry runbooks) {
        this.jdbi = jdbi;
        this.runbooks = runbooks;
    }

    /** Empty when the workflow has no runbook or its runbook no longer writes the threshold. */
    Optional<SignalHistory> of(String workflow, String thresholdId, Instant now, Duration span) {
        return runbooks.find(workflow).flatMap(runbook -> threshold(runbook, thresholdId)).map(threshold -> read(threshold, now, span));
    }

    static Optional<Threshold> threshold(Runbook runbook, String id) {
        Optional<Threshold> written = Thresholds.of(runbook).stream().filter(threshold -> threshold.id().equals(id)).findFirst();
        if (written.isPresent() || !id.startsWith("tools.") || !id.endsWith(".error_rate")) {
            return written;
        }
        return Optional.ofNullable(Thresholds.tool(runbook, id.substring("tools.".length(), id.length() - ".error_rate".length())));
    }

    private SignalHistory read(Threshold threshold, Instant now, Duration span) {
        int count = (int) Math.max(1, span.toMinutes());
        List<Instant> ends = new ArrayList<>(count);
        for (int index = count - 1; index >= 0; index--) {
            ends.add(now.minus(Duration.ofMinutes(index)));
        }
        Instant earliest = Readings.since(ends.get(0), threshold.window());
        HistoryStore store = jdbi.onDemand(HistoryStore.class);
        List<SignalHistory.Point> points = new ArrayList<>(count);
        if (threshold.kind() == SignalKind.LATENCY_P95 || threshold.kind() == SignalKind.TTFT_P95) {
            List<SignalRows.Bucket> buckets = store.buckets(threshold.workflow(), threshold.series(), earliest);
            ends.forEach(end -> points.add(new SignalHistory.Point(end, percentile(threshold, buckets, end))));
        } else {
            List<SignalRows.Minute> minutes = store.minutes(threshold.workflow(), threshold.series(), earliest);
            ends.forEach(end -> points.add(new SignalHistory.Point(end, measure(threshold, minutes, end))));
        }
        Instant breachStarted = store.state(threshold.workflow(), threshold.id()).map(SignalRows.Breach::breachStarted).orElse(null);
        return new SignalHistory(threshold.workflow(), threshold.id(), measure(threshold), unit(threshold.kind()), threshold.comparison(),
                threshold.window(), points, breachStarted);
    }

    private static double measure(Threshold threshold, List<SignalRows.Minute> minutes, Instant end) {
        Instant since = Readings.since(end, threshold.window());
        double total = 0;
        long samples = 0;
        long errors = 0;
        for (SignalRows.Minute minute : minutes) {
            if (!minute.minuteAt().isBefore(since) && !minute.minuteAt().isAfter(end)) {
                total += minute.total();
                samples += minute.samples();
                errors += minute.errors();
            }
        }
        return switch (threshold.kind()) {
            case USD_PER_HOUR, USD_PER_DAY, TOKENS_PER_HOUR -> total;
            case QUALITY -> samples < Math.max(1, threshold.minSamples()) ? Double.NaN : total / samples;
            case TOOL_ERROR_RATE -> samples < Math.max(1, threshold.minSamples()) ? Double.NaN : (double) errors / samples;
            case LATENCY_P95, TTFT_P95 -> Double.NaN;
        };
    }

    private static double percentile(Threshold threshold, List<SignalRows.Bucket> buckets, Instant end) {
        Instant since = Readings.since(end, threshold.window());
        Map<Double, Long> hits = new TreeMap<>();
        for (SignalRows.Bucket bucket : buckets) {
            if (!bucket.minuteAt().isBefore(since) && !bucket.minuteAt().isAfter(end)) {
                hits.merge(bucket.le(), bucket.hits(), Long::sum);
            }
        }
        long samples = hits.values().stream().mapToLong(Long::longValue).sum();
        if (samples == 0 || samples < threshold.minSamples()) {
            return Double.NaN;
        }
        return Percentiles.quantile(P95, hits.entrySet().stream().map(entry -> new Percentiles.Bucket(entry.getKey(), entry.getValue())).toList());
    }

    private static String measure(Threshold threshold) {
        return switch (threshold.kind()) {
            case USD_PER_HOUR -> "cost per hour";
            case USD_PER_DAY -> "cost over 24 h";
            case TOKENS_PER_HOUR -> "tokens per hour";
            case LATENCY_P95 -> "p95 latency";
            case TTFT_P95 -> "p95 time to first token";
            case QUALITY -> "mean " + threshold.subject();
            case TOOL_ERROR_RATE -> "tool " + threshold.subject() + " error rate";
        };
    }

    private static SignalHistory.Unit unit(SignalKind kind) {
        return switch (kind) {
            case USD_PER_HOUR, USD_PER_DAY -> SignalHistory.Unit.USD;
            case TOKENS_PER_HOUR -> SignalHistory.Unit.TOKENS;
            case LATENCY_P95, TTFT_P95 -> SignalHistory.Unit.SECONDS;
            case QUALITY -> SignalHistory.Unit.SCORE;
            case TOOL_ERROR_RATE -> SignalHistory.Unit.RATIO;
        };
    }
}
