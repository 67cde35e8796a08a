package dev.threeam.signal;

import java.time.Duration;

/**
 * A threshold's measure over its window: the value compared (USD, tokens, seconds, a mean score, an error rate), the
 * samples behind it, errors (tools), and for cost what the last hour's rate comes to over a day (NaN otherwise).
 */
record Reading(double value, long samples, long errors, Duration window, double projectedPerDay) {

    static Reading of(double value, long samples, Duration window) {
        return new Reading(value, samples, 0, window, Double.NaN);
    }
}
