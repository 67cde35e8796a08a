package dev.threeam.slack;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts Slack calls by method and outcome ({@code ok}, {@code rate_limited}, Slack's error code …), Slack errors by
 * method and error, deliveries retried and given up.
 */
public final class SlackMetrics {

    private final MeterRegistry registry;

    public SlackMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void call(String method, String outcome) {
        registry.counter("threeam_slack_calls", "method", method, "outcome", outcome).increment();
    }

    void error(String method, String error) {
        registry.counter("threeam_slack_errors", "method", method, "error", error).increment();
    }

    void retry(String kind) {
        registry.counter("threeam_outbox_retries", "kind", kind).increment();
    }

    void permanentFailure(String kind, String error) {
        registry.counter("threeam_outbox_failures", "kind", kind, "error", error).increment();
    }
}
