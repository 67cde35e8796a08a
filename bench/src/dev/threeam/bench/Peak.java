package dev.threeam.bench;

import java.util.Locale;

/**
 * One peak measurement: wrk against one process (or several replicas), how many alerts per second were answered 2xx,
 * and what the window cost: the targets' CPU and wrk's own, in cores of this machine, and the load at its end.
 */
record Peak(String target, int alertsPerRequest, int threads, int connections, Wrk.Run run, Usage.Window usage, Profile profile) {

    double alertsPerSecond() {
        return run.okPerSecond() * alertsPerRequest;
    }

    double requestsPerSecond() {
        return run.okPerSecond();
    }

    double wrkCores() {
        return run.cpuSeconds() / run.seconds();
    }

    String line() {
        return String.format(Locale.ROOT, "%-28s %8.0f alerts/s (%6.0f req/s, %d conn.)  wrk p50 %6.2f ms  p99 %7.2f ms  errors %d"
                        + "  target CPU %.2f cores, wrk %.2f, load %.1f", target, alertsPerSecond(), requestsPerSecond(), connections,
                run.p50Ms(), run.p99Ms(), run.errors(), usage.targetCores(), wrkCores(), usage.load1());
    }
}
