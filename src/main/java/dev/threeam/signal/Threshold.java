package dev.threeam.signal;

import java.time.Duration;

/**
 * One runbook threshold as it is executed.
 *
 * @param id         stable within the workflow: {@code budgets.usd_per_hour}, {@code latency.p95_seconds},
 *                   {@code quality.helpfulness}, {@code tools.lookup_order.error_rate}; with the workflow, the
 *                   breach alert's fingerprint
 * @param series     the per-minute series it reads ({@code usd}, {@code latency}, {@code quality:helpfulness} …)
 * @param subject    what it is about, as written: the quality metric or the tool name; null for budgets and latency
 * @param holdFor    how long a breach must last to fire, and the value be back within threshold to resolve
 * @param minSamples fewer samples in the window say nothing (ignored for cost)
 */
record Threshold(String workflow, String id, SignalKind kind, String series, String subject, Comparison comparison,
                 Duration window, Duration holdFor, int minSamples) {

    enum Verdict { BREACH, HEALTHY, NO_DATA }

    Verdict judge(Reading reading) {
        if (Double.isNaN(reading.value()) || (kind.needsSamples() && reading.samples() < minSamples)) {
            return Verdict.NO_DATA;
        }
        return comparison.healthy(reading.value()) ? Verdict.HEALTHY : Verdict.BREACH;
    }

    String fingerprint() {
        return "otel:" + workflow + ":" + id;
    }
}
