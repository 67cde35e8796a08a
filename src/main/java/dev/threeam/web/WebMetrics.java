package dev.threeam.web;

import io.micrometer.core.instrument.MeterRegistry;

/** Counts what the HTTP edge received: alerts by source and result, changes. */
public final class WebMetrics {

    private final MeterRegistry registry;

    public WebMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void alert(String source, String result) {
        alerts(source, result, 1);
    }

    void alerts(String source, String result, int count) {
        registry.counter("threeam_alerts_received", "source", source, "result", result).increment(count);
    }

    void changes(String source, int count) {
        registry.counter("threeam_changes_recorded", "source", source).increment(count);
    }
}
