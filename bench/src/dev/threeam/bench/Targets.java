package dev.threeam.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets of issue 14 (and the earlier ones still held), each checked against what this run measured: met,
 * missed, or not measured (null). Ratios are taken within the run.
 */
final class Targets {

    /** One target: what it asks, what was measured, and whether that meets it. */
    record Check(String target, String measured, Boolean met) {
        String verdict() {
            return met == null ? "not measured" : met ? "**met**" : "**missed**";
        }
    }

    static final double SQLITE_VS_FLOOR = 0.8;
    static final double POSTGRES_VS_FLOOR = 0.4;
    static final double REPLICAS_VS_ONE = 0.9;
    static final double VS_ALERTMANAGER = 1.0;
    static final double SQLITE_P99_MS = 25;
    static final double POSTGRES_P99_MS = 50;
    /** The generator is not the limit when twice the connections raise the floor by less than this. */
    static final double MORE_CONNECTIONS_GAIN = 1.10;

    private Targets() {}

    static List<Check> check(Results results) {
        List<Check> checks = new ArrayList<>();
        ingestion(checks, results.ingestion());
        batches(checks, results.batches());
        curves(checks, results.curves());
        storm(checks, results.storm(), results.botJavaOptions());
        ClassifyTiming.Result classify = results.classify();
        checks.add(new Check("classification p99 per alert (reported, no target)", classify == null ? "—"
                : String.format(Locale.ROOT, "p50 %.1f µs, p99 %.1f µs (p99 of the alerts' medians %.1f µs) over %d alerts", classify.p50Us(),
                        classify.p99Us(), classify.p99OfMediansUs(), classify.alerts()),
                null));
        CardLatency.Result card = results.card();
        checks.add(card == null ? new Check("alert to card p99 ≤ 200 ms", "—", null)
                : new Check("alert to card p99 ≤ 200 ms", ms(card.p99Ms()) + (card.missing() > 0 ? " (" + card.missing() + " cards never came)" : ""),
                card.p99Ms() <= 200 && card.missing() == 0));
        Startup.Result startup = results.startup();
        if (startup == null) {
            checks.add(new Check("start-up to ready ≤ 3 s, idle RSS ≤ 200 MiB", "—", null));
        } else {
            checks.add(new Check("start-up to ready ≤ 3 s (median)", String.format(Locale.ROOT, "%.2f s", startup.medianMs() / 1000),
                    startup.medianMs() <= 3000));
            checks.add(new Check("idle RSS ≤ 200 MiB", mib(startup.idleRssMib()), startup.idleRssMib() <= 200));
        }
        return checks;
    }

    private static void ingestion(List<Check> checks, Ingestion.Results ingestion) {
        if (ingestion == null) {
            checks.add(new Check("peak ingestion (one alert per request)", "—", null));
            return;
        }
        if (ingestion.floor() != null && ingestion.floorMoreConnections() != null) {
            double gain = ingestion.floorMoreConnections().alertsPerSecond() / ingestion.floor().alertsPerSecond();
            checks.add(new Check(String.format(Locale.ROOT, "wrk is not the limit: %d connections raise the floor < %.0f%% over %d",
                    ingestion.floorMoreConnections().connections(), (MORE_CONNECTIONS_GAIN - 1) * 100, ingestion.floor().connections()),
                    String.format(Locale.ROOT, "%.0f vs %.0f alerts/s (%.2f×); wrk used %.2f cores, the floor %.2f",
                            ingestion.floorMoreConnections().alertsPerSecond(), ingestion.floor().alertsPerSecond(), gain,
                            ingestion.floor().wrkCores(), ingestion.floor().usage().targetCores()), gain < MORE_CONNECTIONS_GAIN));
        }
        double floor = ingestion.floor() == null ? Double.NaN : ingestion.floorReference();
        double alertmanager = ingestion.alertmanagerReference();
        ratio(checks, "peak, SQLite ≥ 0.8× the bare-Javalin floor", ingestion.sqlite(), floor, SQLITE_VS_FLOOR, "floor");
        ratio(checks, "peak, SQLite vs Alertmanager /api/v2/alerts (goal ≥ 1.0×)", ingestion.sqlite(), alertmanager, VS_ALERTMANAGER,
                "Alertmanager");
        ratio(checks, "peak, PostgreSQL 1 replica ≥ 0.4× the floor", ingestion.postgres(), floor, POSTGRES_VS_FLOOR, "floor");
        ratio(checks, "peak, PostgreSQL 1 replica vs Alertmanager (reported)", ingestion.postgres(), alertmanager, Double.NaN,
                "Alertmanager");
        ratio(checks, "peak, 2 replicas on one PostgreSQL ≥ 0.9× one replica", ingestion.replicas(),
                ingestion.postgres() == null ? Double.NaN : ingestion.postgres().alertsPerSecond(), REPLICAS_VS_ONE, "one replica");
    }

    private static void batches(List<Check> checks, Batches.Results batches) {
        if (batches == null) {
            checks.add(new Check("webhooks of 100 alerts vs Alertmanager (goal ≥ 1.0×)", "—", null));
            return;
        }
        double alertmanager = batches.alertmanager() == null ? Double.NaN : batches.alertmanager().alertsPerSecond();
        ratio(checks, "webhooks of 100, SQLite vs Alertmanager given the same arrays (goal ≥ 1.0×)", batches.sqlite(), alertmanager,
                VS_ALERTMANAGER, "Alertmanager");
        ratio(checks, "webhooks of 100, PostgreSQL vs Alertmanager (goal ≥ 1.0×)", batches.postgres(), alertmanager, VS_ALERTMANAGER,
                "Alertmanager");
    }

    private static void curves(List<Check> checks, List<LatencyCurve.Curve> curves) {
        for (String database : List.of("sqlite", "postgres")) {
            LatencyCurve.Curve curve = curves == null ? null
                    : curves.stream().filter(each -> each.database().equals(database)).findFirst().orElse(null);
            double limit = database.equals("sqlite") ? SQLITE_P99_MS : POSTGRES_P99_MS;
            String name = database.equals("sqlite") ? "SQLite" : "PostgreSQL";
            LatencyCurve.Level level = curve == null ? null : curve.at(0.8);
            String target = String.format(Locale.ROOT, "p99 ack ≤ %.0f ms at 80%% of peak, %s (fixed rate, no errors)", limit, name);
            String flatTarget = "p99 flat over the 80% run, " + name + " (no 10 s slice's p99 over 2× the fastest slice's, or 5 ms over it)";
            if (level == null) {
                checks.add(new Check(target, "—", null));
                checks.add(new Check(flatTarget, "—", null));
                continue;
            }
            FixedRateResult result = level.result();
            checks.add(new Check(target, String.format(Locale.ROOT, "%s at %.0f alerts/s offered, %.0f answered/s, %d errors",
                    ms(result.p99Ms()), result.offeredRate(), result.answeredPerSecond(), result.errors()),
                    result.p99Ms() <= limit && result.errors() == 0));
            checks.add(new Check(flatTarget, "p99 per slice " + result.slicesText(), result.flat()));
        }
    }

    private static void storm(List<Check> checks, Storm.Result storm, List<String> javaOptions) {
        if (storm == null) {
            checks.add(new Check("storm: 4 root posts, ≤ 1 card update per incident per 5 s, peak RSS ≤ 512 MiB with no JVM flags", "—", null));
            return;
        }
        checks.add(new Check("storm: 4 root posts for 4 groups", storm.rootPosts() + " root posts", storm.rootPosts() == Storm.GROUPS));
        checks.add(new Check("storm: ≤ 1 card update per incident per 5 s",
                String.format(Locale.ROOT, "%d updates, at most %d in any 5 s; shortest gap %.2f s", storm.cardUpdates(),
                        storm.maxCardUpdatesPer5s(), storm.minCardUpdateGapSeconds()).replace("shortest gap NaN s", "no card updated twice"),
                storm.maxCardUpdatesPer5s() <= 1));
        boolean noFlags = javaOptions.isEmpty();
        checks.add(new Check("storm: 100,000 alerts, peak RSS (VmHWM) ≤ 512 MiB with no JVM flags", mib(storm.peakRssMib())
                + (noFlags ? "" : " with " + String.join(" ", javaOptions) + " (not the target's setting)"),
                noFlags ? (Boolean) (storm.peakRssMib() <= 512) : null));
    }

    /** {@code wanted} NaN: reported, no verdict. */
    private static void ratio(List<Check> checks, String target, Peak measured, double reference, double wanted, String name) {
        if (measured == null || Double.isNaN(reference)) {
            checks.add(new Check(target, "—", null));
            return;
        }
        double ratio = measured.alertsPerSecond() / reference;
        checks.add(new Check(target, String.format(Locale.ROOT, "%.0f vs %.0f alerts/s = %.2f× %s%s", measured.alertsPerSecond(),
                reference, ratio, name, measured.run().errors() > 0 ? " (" + measured.run().errors() + " errors)" : ""),
                Double.isNaN(wanted) ? null : ratio >= wanted && measured.run().errors() == 0));
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "n/a" : value >= 100 ? String.format(Locale.ROOT, "%.0f ms", value)
                : String.format(Locale.ROOT, "%.1f ms", value);
    }

    static String mib(double value) {
        return String.format(Locale.ROOT, "%.0f MiB", value);
    }
}
