package dev.threeam.signal;

import java.util.List;

/**
 * One accepted data point or evaluation event before temporality is applied.
 *
 * @param stream    identity of a cumulative stream (workflow, metric, resource, scope, attributes), or null when the
 *                  point is a delta (or a gauge or an event) and counts as it is
 * @param counted   true for sums and gauges: the point is one sample whatever its value
 */
record RawPoint(String workflow, String metric, String stream, long startNanos, long timeNanos, Measure measure,
                boolean counted, List<Share> shares) {

    RawPoint {
        shares = List.copyOf(shares);
    }

    boolean cumulative() {
        return stream != null;
    }
}
