package dev.threeam.signal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;

/** What {@code /metrics} shows of the receiver: points received, dropped by reason, series held. */
final class SignalMetrics {

    private final MeterRegistry registry;

    SignalMetrics(MeterRegistry registry, SeriesBook series) {
        this.registry = registry;
        Gauge.builder("threeam_otlp_series", series, SeriesBook::size)
                .description("series held for runbook thresholds (capped per workflow)").register(registry);
    }

    /** {@code signal}: metrics (data points) or logs (log records). */
    void received(String signal, long points) {
        registry.counter("threeam_otlp_points_received", "signal", signal).increment(points);
    }

    void dropped(String signal, Map<Drops.Reason, Long> counts) {
        counts.forEach((reason, count) ->
                registry.counter("threeam_otlp_points_dropped", "signal", signal, "reason", reason.id()).increment(count));
    }

    void breach(String threshold, String transition) {
        registry.counter("threeam_signal_breaches", "kind", threshold, "transition", transition).increment();
    }
}
