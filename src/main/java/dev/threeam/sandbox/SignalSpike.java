package dev.threeam.sandbox;

import dev.threeam.common.BadInputException;
import dev.threeam.runbook.Runbook;
import dev.threeam.signal.Comparison;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One synthetic OTLP export for a sample workflow, shaped as instrumentations send it (GenAI conventions, delta
 * temporality, OTLP JSON): token usage well over {@code budgets.tokens_per_hour}, operation durations whose p95 is
 * several times {@code latency.p95_seconds}, or evaluation events scoring well under a {@code quality_signals}
 * threshold. Enough in each export to meet the threshold's {@code min_samples}.
 */
enum SignalSpike {
    COST("cost", "a cost spike", "/v1/metrics", "cost_failure"),
    LATENCY("latency", "a latency spike", "/v1/metrics", "latency_failure"),
    QUALITY("quality", "a quality drop", "/v1/logs", "quality_drift");

    /** Exports it takes to cross a budget (one every {@link SignalSpikes#EVERY}). */
    private static final int EXPORTS_TO_CROSS = 4;
    private static final int SAMPLES = 24;

    final String id;
    final String words;
    final String path;
    final String failureType;

    SignalSpike(String id, String words, String path, String failureType) {
        this.id = id;
        this.words = words;
        this.path = path;
        this.failureType = failureType;
    }

    static SignalSpike of(String id) {
        for (SignalSpike spike : values()) {
            if (spike.id.equals(String.valueOf(id).toLowerCase(Locale.ROOT))) {
                return spike;
            }
        }
        throw new BadInputException("signal: expected cost, latency or quality, got \"" + id + "\"");
    }

    /** What the runbook must write for this spike to breach; a {@link BadInputException} naming it when it does not. */
    String threshold(Runbook runbook) {
        return switch (this) {
            case COST -> {
                if (!runbook.budgets().containsKey("tokens_per_hour")) {
                    throw new BadInputException(runbook.workflow() + "'s runbook writes no budgets.tokens_per_hour: add one to simulate a cost spike");
                }
                yield "budgets.tokens_per_hour";
            }
            case LATENCY -> {
                if (!runbook.latency().containsKey("p95_seconds")) {
                    throw new BadInputException(runbook.workflow() + "'s runbook writes no latency.p95_seconds: add one to simulate a latency spike");
                }
                yield "latency.p95_seconds";
            }
            case QUALITY -> "quality." + quality(runbook).metric();
        };
    }

    /** The export's body (OTLP JSON) at {@code now}. */
    Map<String, Object> body(Runbook runbook, Instant now) {
        long end = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        long start = end - SignalSpikes.EVERY.toNanos();
        String workflow = runbook.workflow();
        return switch (this) {
            case COST -> metrics(workflow, Map.of("name", "gen_ai.client.token.usage", "unit", "{token}", "histogram", Map.of(
                    "aggregationTemporality", 1, "dataPoints", List.of(Map.of(
                            "attributes", attributes(Map.of("gen_ai.workflow.name", workflow, "gen_ai.token.type", "output",
                                    "gen_ai.request.model", "gpt-4o-mini", "gen_ai.operation.name", "chat")),
                            "startTimeUnixNano", String.valueOf(start), "timeUnixNano", String.valueOf(end),
                            "count", String.valueOf(SAMPLES), "sum", Math.ceil(runbook.budgets().get("tokens_per_hour") * 1.3 / EXPORTS_TO_CROSS),
                            "bucketCounts", List.of("0", String.valueOf(SAMPLES)), "explicitBounds", List.of(1))))));
            case LATENCY -> {
                double target = runbook.latency().get("p95_seconds");
                int samples = Math.max(SAMPLES, minSamples(runbook.telemetry().latency()) + 4);
                int slow = samples - 6;
                yield metrics(workflow, Map.of("name", "gen_ai.client.operation.duration", "unit", "s", "histogram", Map.of(
                        "aggregationTemporality", 1, "dataPoints", List.of(Map.of(
                                "attributes", attributes(Map.of("gen_ai.workflow.name", workflow, "gen_ai.operation.name", "chat",
                                        "gen_ai.provider.name", "openai")),
                                "startTimeUnixNano", String.valueOf(start), "timeUnixNano", String.valueOf(end),
                                "count", String.valueOf(samples), "sum", 6 * target * 0.5 + slow * target * 3,
                                "bucketCounts", List.of("2", "2", "2", "0", String.valueOf(slow), "0"),
                                "explicitBounds", List.of(target / 4, target / 2, target, target * 2, target * 4))))));
            }
            case QUALITY -> {
                Runbook.QualitySignal signal = quality(runbook);
                Comparison healthy = Comparison.parse(signal.threshold());
                double score = healthy.breachIsLow() ? healthy.limit() * 0.55 : healthy.limit() * 1.6 + 0.1;
                int samples = Math.max(SAMPLES, minSamples(signal.evaluation()) + 4);
                List<Object> records = new ArrayList<>();
                for (int index = 0; index < samples; index++) {
                    records.add(Map.of("timeUnixNano", String.valueOf(end - index * 1_000_000L), "eventName", "gen_ai.evaluation.result",
                            "attributes", List.of(
                                    Map.of("key", "gen_ai.evaluation.name", "value", Map.of("stringValue", signal.metric())),
                                    Map.of("key", "gen_ai.evaluation.score.value", "value", Map.of("doubleValue", score)),
                                    Map.of("key", "gen_ai.workflow.name", "value", Map.of("stringValue", workflow)))));
                }
                yield Map.of("resourceLogs", List.of(Map.of("resource", resource(workflow),
                        "scopeLogs", List.of(Map.of("scope", Map.of("name", "3am-sandbox"), "logRecords", records)))));
            }
        };
    }

    private static Runbook.QualitySignal quality(Runbook runbook) {
        return runbook.qualitySignals().stream().filter(signal -> Comparison.parse(signal.threshold()).breachIsLow()).findFirst()
                .or(() -> runbook.qualitySignals().stream().findFirst())
                .orElseThrow(() -> new BadInputException(runbook.workflow() + "'s runbook writes no quality_signals: add one to simulate a quality drop"));
    }

    private static int minSamples(dev.threeam.runbook.Telemetry.Evaluation evaluation) {
        return evaluation.minSamples() == null ? 10 : evaluation.minSamples();
    }

    private static Map<String, Object> metrics(String workflow, Map<String, Object> metric) {
        return Map.of("resourceMetrics", List.of(Map.of("resource", resource(workflow),
                "scopeMetrics", List.of(Map.of("scope", Map.of("name", "3am-sandbox"), "metrics", List.of(metric))))));
    }

    private static Map<String, Object> resource(String workflow) {
        return Map.of("attributes", attributes(Map.of("service.name", workflow)));
    }

    private static List<Object> attributes(Map<String, String> values) {
        return values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .<Object>map(entry -> Map.of("key", entry.getKey(), "value", Map.of("stringValue", entry.getValue()))).toList();
    }
}
