package dev.threeam.signal;

import dev.threeam.classify.FailureType;

/** The thresholds 3am executes from telemetry, each with the failure type its breach is. */
enum SignalKind {
    USD_PER_HOUR(FailureType.COST_FAILURE, "gen_ai.client.token.usage"),
    USD_PER_DAY(FailureType.COST_FAILURE, "gen_ai.client.token.usage"),
    TOKENS_PER_HOUR(FailureType.COST_FAILURE, "gen_ai.client.token.usage"),
    LATENCY_P95(FailureType.LATENCY_FAILURE, "gen_ai.client.operation.duration"),
    TTFT_P95(FailureType.LATENCY_FAILURE, "gen_ai.client.operation.time_to_first_chunk"),
    QUALITY(FailureType.QUALITY_DRIFT, GenAi.EVALUATION_EVENT),
    TOOL_ERROR_RATE(FailureType.TOOL_FAILURE, "gen_ai.execute_tool.duration");

    private final FailureType failureType;
    private final String metric;

    SignalKind(FailureType failureType, String metric) {
        this.failureType = failureType;
        this.metric = metric;
    }

    FailureType failureType() {
        return failureType;
    }

    /** The OpenTelemetry name it is read from (for quality, also any metric named in {@code quality_signals}). */
    String metric() {
        return metric;
    }

    /** Cost is a sum: no data is a reading of zero. The others need samples to say anything. */
    boolean needsSamples() {
        return failureType != FailureType.COST_FAILURE;
    }
}
