package dev.threeam.bench;

/**
 * What one load run measured: requests answered 2xx in the measuring window, errors, alerts per second and the
 * ack latency percentiles. {@code offeredRate} is 0 for an unlimited (peak) run.
 */
record LoadResult(String target, double offeredRate, long requests, long errors, double seconds, double perSecond,
                  double p50Ms, double p99Ms, double maxMs) {

    String line() {
        return String.format("%-22s %s  %8.0f alerts/s  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms  (%d ok, %d errors)",
                target, offeredRate == 0 ? "peak     " : String.format("@%6.0f/s", offeredRate), perSecond, p50Ms, p99Ms,
                maxMs, requests, errors);
    }
}
