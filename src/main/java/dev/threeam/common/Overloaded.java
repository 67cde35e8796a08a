package dev.threeam.common;

import java.time.Duration;

/**
 * 3am cannot take this request now (its write queue is full, or the database is unreachable) but will soon: the web
 * layer answers {@code 503} with {@code Retry-After}, which Alertmanager, Grafana, OpenTelemetry exporters and the
 * Collector all retry. Nothing of the request was accepted. The one overload answer every ingest route shares.
 */
public class Overloaded extends ThreeAmException {

    private final Duration retryAfter;

    public Overloaded(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Overloaded(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the sender should wait before trying again (whole seconds, at least one). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
