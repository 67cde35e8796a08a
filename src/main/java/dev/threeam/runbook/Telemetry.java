package dev.threeam.runbook;

import java.time.Duration;
import java.util.Map;

/**
 * What a runbook asks 3am to execute from OpenTelemetry beside its {@code quality_signals}, {@code budgets} and
 * {@code latency}: how those are evaluated ({@code window:}, {@code for:}, {@code min_samples:} in their blocks),
 * the tool error-rate threshold ({@code tools:}) and the model prices ({@code prices:}).
 *
 * @param budgets how budgets are evaluated (only {@code for:} applies: their windows are the hour and the day)
 * @param latency how the latency targets are evaluated
 * @param tools   {@code tools: {error_rate: "< 0.05"}}, or null
 * @param prices  USD per million tokens by model name (lower case), the runbook's own
 */
public record Telemetry(Evaluation budgets, Evaluation latency, Tools tools, Map<String, Price> prices) {

    public static final Telemetry NONE = new Telemetry(Evaluation.DEFAULTS, Evaluation.DEFAULTS, null, Map.of());

    public Telemetry {
        budgets = budgets == null ? Evaluation.DEFAULTS : budgets;
        latency = latency == null ? Evaluation.DEFAULTS : latency;
        prices = Map.copyOf(prices);
    }

    /** {@code window:}, {@code for:} and {@code min_samples:} as written; null means the default. */
    public record Evaluation(Duration window, Duration holdFor, Integer minSamples) {
        public static final Evaluation DEFAULTS = new Evaluation(null, null, null);
    }

    /** {@code tools: {error_rate: "< 0.05", window: 10m, for: 2m, min_samples: 20}}: per tool name. */
    public record Tools(String errorRate, Evaluation evaluation) {
        public Tools {
            evaluation = evaluation == null ? Evaluation.DEFAULTS : evaluation;
        }
    }

    /** USD per million input (prompt) and output (completion) tokens. */
    public record Price(double input, double output) {}
}
