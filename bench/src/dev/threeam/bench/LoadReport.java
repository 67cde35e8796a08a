package dev.threeam.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The report's load sections: peak ingestion, webhooks of 100, and the latency curves. */
final class LoadReport {

    private LoadReport() {}

    static void ingestion(StringBuilder out, Ingestion.Results ingestion) {
        if (ingestion == null) {
            return;
        }
        Peak any = Arrays.asList(ingestion.floor(), ingestion.sqlite()).stream().filter(peak -> peak != null).findFirst().orElseThrow();
        out.append(String.format(Locale.ROOT, "%n## Peak ingestion, one alert per request%n%nwrk with `bench/wrk/post.lua`: %d threads, "
                        + "%d keep-alive connections, %.0f s per target after a warm-up with the same load; the bodies are 10,000 distinct "
                        + "alerts in 100 groups that repeat, spread over %d workflows. alerts/s counts 2xx answers only. wrk's latency is "
                        + "from the moment a request is written (a closed loop: it says little under saturation; the latency curve below "
                        + "is the one to read). CPU is what the target's processes used in the window, in cores of this machine (2.00 = "
                        + "all of it); load is the 1-minute load average at the end of the window.%n%n"
                        + "| target | alerts/s | wrk p50 | wrk p99 | errors | target CPU | wrk CPU | load | vs floor | vs Alertmanager |%n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n", any.threads(), any.connections(), any.run().seconds(),
                BenchRunbooks.COUNT));
        double floor = ingestion.floor() == null ? Double.NaN : ingestion.floorReference();
        double alertmanager = ingestion.alertmanagerReference();
        for (Peak peak : Arrays.asList(ingestion.floor(), ingestion.floorMoreConnections(), ingestion.floorAfter(), ingestion.alertmanager(),
                ingestion.sqlite(), ingestion.postgres(), ingestion.replicas())) {
            if (peak != null) {
                out.append(peakRow(peak, floor, alertmanager, true));
            }
        }
        if (ingestion.floor() != null) {
            out.append(String.format(Locale.ROOT, "%nThe floor is a bare Javalin (same version and settings as 3am's server) that parses "
                    + "the webhook's JSON with 3am's mapper and answers 202 without storing anything. It was measured first, with twice "
                    + "the connections right after, and again last; ratios are to the mean of the first and last (%.0f alerts/s). "
                    + "Twice the connections giving %.2f× the floor shows whether wrk's connection count, not the server, was the "
                    + "limit; wrk itself used %.2f cores for it.%n", floor,
                    ingestion.floorMoreConnections().alertsPerSecond() / ingestion.floor().alertsPerSecond(), ingestion.floor().wrkCores()));
        }
        if (ingestion.replicas() != null && ingestion.replicaAlertsPerSecond().size() == 2) {
            out.append(String.format(Locale.ROOT, "%nTwo replicas: two 3am processes on one fresh PostgreSQL database and one fake Slack, "
                            + "driven by one wrk process with the same %d connections as one replica, its threads sending to replica 1 and "
                            + "2 in turn (the same generator and the same offered concurrency, split evenly; summed by wrk). Their own "
                            + "`/metrics` counted %.0f and %.0f alerts/s accepted.%n", ingestion.replicas().connections(),
                    ingestion.replicaAlertsPerSecond().get(0), ingestion.replicaAlertsPerSecond().get(1)));
        }
        ingestion.notes().forEach(note -> out.append("\n").append(note).append(".\n"));
        out.append("\nAlertmanager keeps alerts in memory (it persists only silences and its notification log), answers `POST "
                + "/api/v2/alerts` with 200 after validating and storing in memory, and here routes to a receiver that sends nothing. "
                + "3am answers 202 after its database commit.\n");
    }

    static void batches(StringBuilder out, Batches.Results batches) {
        if (batches == null) {
            return;
        }
        double alertmanager = batches.alertmanager() == null ? Double.NaN : batches.alertmanager().alertsPerSecond();
        out.append("\n## Webhooks of 100 alerts\n\nAlertmanager's own delivery shape: each request is one group's 100 alerts (100 "
                + "bodies, one per group, every distinct alert of the load once), as 3am's Alertmanager webhook and, for Alertmanager, "
                + "as one `POST /api/v2/alerts` array of the same 100 alerts. Same wrk settings, fresh database and warm-up per bot.\n\n"
                + "| target | alerts/s | requests/s | wrk p50 | wrk p99 | errors | target CPU | wrk CPU | load | vs Alertmanager |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Peak peak : Arrays.asList(batches.alertmanager(), batches.sqlite(), batches.postgres())) {
            if (peak != null) {
                out.append(peakRow(peak, Double.NaN, alertmanager, false));
            }
        }
    }

    private static String peakRow(Peak peak, double floor, double alertmanager, boolean single) {
        return String.format(Locale.ROOT, "| %s | %.0f |%s %s | %s | %d | %.2f | %.2f | %.1f |%s %s |%n", peak.target(),
                peak.alertsPerSecond(), single ? "" : String.format(Locale.ROOT, " %.0f |", peak.requestsPerSecond()),
                Targets.ms(peak.run().p50Ms()), Targets.ms(peak.run().p99Ms()), peak.run().errors(), peak.usage().targetCores(),
                peak.wrkCores(), peak.usage().load1(), single ? " " + ratio(peak.alertsPerSecond(), floor) + " |" : "",
                ratio(peak.alertsPerSecond(), alertmanager));
    }

    static void curves(StringBuilder out, List<LatencyCurve.Curve> curves) {
        if (curves == null || curves.isEmpty()) {
            return;
        }
        LatencyCurve.Curve first = curves.get(0);
        out.append(String.format(Locale.ROOT, "%n## Latency curve%n%nbench's fixed-rate generator (`LoadGenerator`: java.nio, %d keep-alive "
                + "HTTP/1.1 connections, one I/O thread and one ticker thread) sends request *i* at *start + i / rate* and counts its "
                + "latency from that scheduled time to the last byte of the 202, so a queue building up in the bot (or in the "
                + "generator, when every connection is busy) shows instead of hiding (no coordinated omission). One fresh bot and "
                + "database per database, warmed up with wrk like the peaks and then at 50%%, then 50%%, 80%% and 95%% of the peak wrk measured for that database in "
                + "this run, each after a 2 s lead-in that is not counted. *Flat* means no 10 s slice's p99 is over twice the fastest "
                + "slice's p99, or more than %.0f ms over it (a growing queue or a stall fails it). \"errors\" counts failed, 503 and unanswered requests; generator CPU is in "
                + "cores of one CPU.%n", first.connections(), FixedRateResult.FLAT_SLACK_MS));
        for (LatencyCurve.Curve curve : curves) {
            out.append(String.format(Locale.ROOT, "%n**%s** (peak %.0f alerts/s)%n%n| level | offered/s | answered/s | p50 | p99 | max | "
                            + "errors (503) | p99 per 10 s slice | flat | bot CPU | generator CPU | load |%n"
                            + "|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|%n",
                    curve.database().equals("sqlite") ? "SQLite" : "PostgreSQL", curve.peak()));
            for (LatencyCurve.Level level : curve.levels()) {
                FixedRateResult result = level.result();
                out.append(String.format(Locale.ROOT, "| %.0f%% | %.0f | %.0f | %s | %s | %s | %d (%d) | %s | %s | %.2f | %.2f | %.1f |%n",
                        level.fraction() * 100, result.offeredRate(), result.answeredPerSecond(), Targets.ms(result.p50Ms()),
                        Targets.ms(result.p99Ms()), Targets.ms(result.maxMs()), result.errors(), result.overloaded(), result.slicesText(),
                        result.flat() ? "yes" : "no", level.usage().targetCores(), result.generatorCores(), level.usage().load1()));
            }
            curve.levels().stream().map(level -> level.result().firstError()).filter(error -> error != null).findFirst()
                    .ifPresent(error -> out.append("\nFirst error: `").append(error.replace("`", "'")).append("`\n"));
        }
    }

    private static String ratio(double value, double reference) {
        return Double.isNaN(reference) ? "—" : String.format(Locale.ROOT, "%.2f×", value / reference);
    }
}
