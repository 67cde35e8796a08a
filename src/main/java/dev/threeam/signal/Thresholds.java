package dev.threeam.signal;

import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The thresholds a runbook writes, ready to execute, with the defaults filled in: a 10-minute window, a breach held
 * 2 minutes before it fires (and health held as long before it resolves), 10 samples at least.
 */
final class Thresholds {

    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    static final Duration DEFAULT_HOLD = Duration.ofMinutes(2);
    static final int DEFAULT_MIN_SAMPLES = 10;
    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofHours(24);

    private Thresholds() {}

    /** Every threshold but the per-tool ones, which depend on the tools seen: see {@link #tool}. */
    static List<Threshold> of(Runbook runbook) {
        String workflow = runbook.workflow();
        List<Threshold> thresholds = new ArrayList<>();
        Map<String, Double> budgets = runbook.budgets();
        Telemetry.Evaluation budgetEval = runbook.telemetry().budgets();
        Duration budgetHold = or(budgetEval.holdFor(), DEFAULT_HOLD);
        budget(thresholds, workflow, budgets, "usd_per_hour", SignalKind.USD_PER_HOUR, Series.USD, HOUR, budgetHold);
        budget(thresholds, workflow, budgets, "usd_per_day", SignalKind.USD_PER_DAY, Series.USD, DAY, budgetHold);
        budget(thresholds, workflow, budgets, "tokens_per_hour", SignalKind.TOKENS_PER_HOUR, Series.TOKENS, HOUR, budgetHold);
        Telemetry.Evaluation latency = runbook.telemetry().latency();
        Double p95 = runbook.latency().get("p95_seconds");
        if (p95 != null) {
            thresholds.add(evaluated(workflow, "latency.p95_seconds", SignalKind.LATENCY_P95, Series.LATENCY, null,
                    Comparison.atMost(p95), latency));
        }
        Double ttft = runbook.latency().get("ttft_p95_seconds");
        if (ttft != null) {
            thresholds.add(evaluated(workflow, "latency.ttft_p95_seconds", SignalKind.TTFT_P95, Series.TTFT, null,
                    Comparison.atMost(ttft), latency));
        }
        for (Runbook.QualitySignal signal : runbook.qualitySignals()) {
            thresholds.add(evaluated(workflow, "quality." + signal.metric(), SignalKind.QUALITY, Watch.qualitySeries(signal.metric()),
                    signal.metric(), Comparison.parse(signal.threshold()), signal.evaluation()));
        }
        return thresholds;
    }

    /** The error-rate threshold of one tool, or null when the runbook has no {@code tools:}. */
    static Threshold tool(Runbook runbook, String tool) {
        Telemetry.Tools tools = runbook.telemetry().tools();
        if (tools == null) {
            return null;
        }
        return evaluated(runbook.workflow(), "tools." + tool + ".error_rate", SignalKind.TOOL_ERROR_RATE, Series.TOOL + tool, tool,
                Comparison.parse(tools.errorRate()), tools.evaluation());
    }

    private static void budget(List<Threshold> thresholds, String workflow, Map<String, Double> budgets, String key,
                               SignalKind kind, String series, Duration window, Duration hold) {
        Double limit = budgets.get(key);
        if (limit != null) {
            thresholds.add(new Threshold(workflow, "budgets." + key, kind, series, null, Comparison.atMost(limit), window, hold, 0));
        }
    }

    private static Threshold evaluated(String workflow, String id, SignalKind kind, String series, String subject,
                                       Comparison comparison, Telemetry.Evaluation evaluation) {
        return new Threshold(workflow, id, kind, series, subject, comparison, or(evaluation.window(), DEFAULT_WINDOW),
                or(evaluation.holdFor(), DEFAULT_HOLD), evaluation.minSamples() == null ? DEFAULT_MIN_SAMPLES : evaluation.minSamples());
    }

    private static Duration or(Duration value, Duration fallback) {
        return value == null ? fallback : value;
    }
}
