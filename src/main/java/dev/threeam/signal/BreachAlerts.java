package dev.threeam.signal;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A breach as an alert of source {@code otel}: one fingerprint per workflow and threshold, the failure type as a
 * label (the signal's type is certain), a title a person reads ("support-chat: cost $212/h over the $150/h budget")
 * and the numbers as evidence: the measured value, the threshold, the window, the sample count and, for cost, the
 * projected burn.
 */
final class BreachAlerts {

    static final String SOURCE = "otel";

    private BreachAlerts() {}

    static Alert firing(Threshold threshold, Reading reading, Instant breachStarted) {
        return alert(threshold, reading, AlertStatus.FIRING, threshold.workflow() + ": " + breach(threshold, reading), breachStarted);
    }

    static Alert resolved(Threshold threshold, Reading reading, Instant breachStarted) {
        return alert(threshold, reading, AlertStatus.RESOLVED, threshold.workflow() + ": " + recovered(threshold, reading), breachStarted);
    }

    private static Alert alert(Threshold threshold, Reading reading, AlertStatus status, String title, Instant startsAt) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("failure_type", threshold.kind().failureType().id());
        labels.put("signal", threshold.id());
        labels.put("metric", threshold.kind() == SignalKind.QUALITY ? threshold.subject() : threshold.kind().metric());
        if (threshold.kind() == SignalKind.TOOL_ERROR_RATE) {
            labels.put("tool", threshold.subject());
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (!Double.isNaN(reading.value())) {
            values.put("value", Numbers.plain(round(reading.value())));
        }
        values.put("threshold", Numbers.plain(threshold.comparison().limit()));
        values.put("samples", String.valueOf(reading.samples()));
        values.put("window_seconds", String.valueOf(reading.window().toSeconds()));
        if (!Double.isNaN(reading.projectedPerDay())) {
            values.put("projected_usd_per_day", Numbers.plain(round(reading.projectedPerDay())));
        }
        return new Alert(SOURCE, threshold.fingerprint(), status, title, "critical", null, threshold.workflow(), labels,
                Map.of("evidence", evidence(threshold, reading), "summary", title), values, startsAt, null);
    }

    /** The title of a breach: what, how much, against which limit. */
    static String breach(Threshold threshold, Reading reading) {
        double value = reading.value();
        double limit = threshold.comparison().limit();
        return switch (threshold.kind()) {
            case USD_PER_HOUR -> "cost " + Numbers.usd(value) + "/h over the " + Numbers.usd(limit) + "/h budget";
            case USD_PER_DAY -> "cost " + Numbers.usd(value) + " in 24 h over the " + Numbers.usd(limit) + "/day budget";
            case TOKENS_PER_HOUR -> Numbers.count(value) + " tokens/h over the " + Numbers.count(limit) + " tokens/h budget";
            case LATENCY_P95 -> "p95 latency " + Numbers.seconds(value) + " over the " + Numbers.seconds(limit) + " target";
            case TTFT_P95 -> "p95 time to first token " + Numbers.seconds(value) + " over the " + Numbers.seconds(limit) + " target";
            case QUALITY -> threshold.subject() + " " + Numbers.score(value) + (threshold.comparison().breachIsLow() ? " under" : " over")
                    + " the " + Numbers.plain(limit) + " threshold";
            case TOOL_ERROR_RATE -> "tool " + threshold.subject() + " failing " + Numbers.percent(value) + " of calls (threshold "
                    + threshold.comparison() + ")";
        };
    }

    private static String recovered(Threshold threshold, Reading reading) {
        String now = Double.isNaN(reading.value()) ? "" : " (" + measured(threshold, reading) + ")";
        return switch (threshold.kind()) {
            case USD_PER_HOUR, USD_PER_DAY, TOKENS_PER_HOUR -> subjectOf(threshold) + " back within the " + limitOf(threshold) + " budget" + now;
            case LATENCY_P95, TTFT_P95 -> subjectOf(threshold) + " back within the " + limitOf(threshold) + " target" + now;
            case QUALITY, TOOL_ERROR_RATE -> subjectOf(threshold) + " back within threshold " + threshold.comparison() + now;
        };
    }

    /**
     * {@code cost $212.40 in the last 1 h (budget usd_per_hour 150), from 1,234 samples; at this rate $5,098 today,
     * budget $150}
     */
    static String evidence(Threshold threshold, Reading reading) {
        StringBuilder evidence = new StringBuilder();
        evidence.append(subjectOf(threshold)).append(' ').append(Double.isNaN(reading.value()) ? "unknown" : measured(threshold, reading))
                .append(" over the last ").append(Numbers.window(reading.window()))
                .append(" (threshold ").append(threshold.id()).append(' ').append(threshold.comparison()).append(")");
        if (threshold.kind() == SignalKind.TOOL_ERROR_RATE) {
            evidence.append(", ").append(reading.errors()).append(" of ").append(reading.samples()).append(" calls failed");
        } else {
            evidence.append(", from ").append(String.format(java.util.Locale.ROOT, "%,d", reading.samples())).append(" samples");
        }
        if (!Double.isNaN(reading.projectedPerDay())) {
            evidence.append("; at this rate ").append(Numbers.usd(reading.projectedPerDay())).append(" today");
            if (threshold.kind() == SignalKind.USD_PER_DAY) {
                evidence.append(", budget ").append(Numbers.usd(threshold.comparison().limit()));
            } else {
                evidence.append(", budget ").append(Numbers.usd(threshold.comparison().limit() * 24)).append(" (24 × ")
                        .append(Numbers.usd(threshold.comparison().limit())).append("/h)");
            }
        }
        return evidence.toString();
    }

    private static String subjectOf(Threshold threshold) {
        return switch (threshold.kind()) {
            case USD_PER_HOUR, USD_PER_DAY -> "cost";
            case TOKENS_PER_HOUR -> "tokens";
            case LATENCY_P95 -> "p95 latency";
            case TTFT_P95 -> "p95 time to first token";
            case QUALITY -> "mean " + threshold.subject();
            case TOOL_ERROR_RATE -> "tool " + threshold.subject() + " error rate";
        };
    }

    private static String measured(Threshold threshold, Reading reading) {
        double value = reading.value();
        return switch (threshold.kind()) {
            case USD_PER_HOUR, USD_PER_DAY -> String.format(java.util.Locale.ROOT, "$%,.2f", value);
            case TOKENS_PER_HOUR -> String.format(java.util.Locale.ROOT, "%,.0f", value);
            case LATENCY_P95, TTFT_P95 -> Numbers.seconds(value);
            case QUALITY, TOOL_ERROR_RATE -> Numbers.score(value);
        };
    }

    private static String limitOf(Threshold threshold) {
        double limit = threshold.comparison().limit();
        return switch (threshold.kind()) {
            case USD_PER_HOUR -> Numbers.usd(limit) + "/h";
            case USD_PER_DAY -> Numbers.usd(limit) + "/day";
            case TOKENS_PER_HOUR -> Numbers.count(limit) + " tokens/h";
            case LATENCY_P95, TTFT_P95 -> Numbers.seconds(limit);
            case QUALITY, TOOL_ERROR_RATE -> threshold.comparison().toString();
        };
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
