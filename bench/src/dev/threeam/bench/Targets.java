package dev.threeam.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The targets, each checked against what was measured: met, missed, or not measured (null). */
final class Targets {

    /** One target: what it asks, what was measured, and whether that meets it. */
    record Check(String target, String measured, Boolean met) {
        String verdict() {
            return met == null ? "not measured" : met ? "**met**" : "**missed**";
        }
    }

    private Targets() {}

    static List<Check> check(Results results) {
        List<Check> checks = new ArrayList<>();
        Ingestion.Results ingestion = results.ingestion();
        if (ingestion != null) {
            double floor = ingestion.floor().perSecond();
            ratio(checks, "ingestion on SQLite ≥ 50% of the bare-Javalin floor", ingestion.sqlitePeak(), floor, 0.5, "floor");
            ratio(checks, "ingestion on PostgreSQL ≥ 50% of the bare-Javalin floor", ingestion.postgresPeak(), floor, 0.5, "floor");
            double alertmanager = ingestion.alertmanager() == null ? Double.NaN : ingestion.alertmanager().perSecond();
            ratio(checks, "ingestion on SQLite ≥ 1.0× Alertmanager", ingestion.sqlitePeak(), alertmanager, 1.0, "Alertmanager");
            ratio(checks, "ingestion on PostgreSQL ≥ 1.0× Alertmanager", ingestion.postgresPeak(), alertmanager, 1.0, "Alertmanager");
            ack(checks, "p99 ack ≤ 25 ms at 80% of peak, SQLite", ingestion.sqliteAt80());
            ack(checks, "p99 ack ≤ 25 ms at 80% of peak, PostgreSQL", ingestion.postgresAt80());
        }
        CardLatency.Result card = results.card();
        checks.add(card == null ? new Check("alert to card p99 ≤ 200 ms", "—", null)
                : new Check("alert to card p99 ≤ 200 ms", ms(card.p99Ms()) + (card.missing() > 0 ? " (" + card.missing() + " cards never came)" : ""),
                card.p99Ms() <= 200 && card.missing() == 0));
        Storm.Result storm = results.storm();
        if (storm == null) {
            checks.add(new Check("storm: ≤ 4 root posts, ≤ 1 card update per incident per 5 s, peak RSS ≤ 512 MiB", "—", null));
        } else {
            checks.add(new Check("storm: ≤ 4 root posts", storm.rootPosts() + " root posts", storm.rootPosts() <= 4));
            checks.add(new Check("storm: ≤ 1 card update per incident per 5 s",
                    String.format(Locale.ROOT, "at most %d in any 5 s; shortest gap %.2f s", storm.maxCardUpdatesPer5s(),
                            storm.minCardUpdateGapSeconds()).replace("shortest gap NaN s", "no card updated twice"), storm.maxCardUpdatesPer5s() <= 1));
            checks.add(new Check("storm: peak RSS ≤ 512 MiB", mib(storm.peakRssMib()), storm.peakRssMib() <= 512));
        }
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

    private static void ratio(List<Check> checks, String target, LoadResult measured, double reference, double wanted, String name) {
        if (measured == null || Double.isNaN(reference)) {
            checks.add(new Check(target, "—", null));
            return;
        }
        double ratio = measured.perSecond() / reference;
        checks.add(new Check(target, String.format(Locale.ROOT, "%.0f vs %.0f alerts/s = %.1f%% of %s",
                measured.perSecond(), reference, ratio * 100, name), ratio >= wanted));
    }

    private static void ack(List<Check> checks, String target, LoadResult measured) {
        checks.add(measured == null ? new Check(target, "—", null)
                : new Check(target, ms(measured.p99Ms()) + String.format(Locale.ROOT, " at %.0f alerts/s", measured.offeredRate()),
                measured.p99Ms() <= 25 && measured.errors() == 0));
    }

    static String ms(double value) {
        return Double.isNaN(value) ? "n/a" : value >= 100 ? String.format(Locale.ROOT, "%.0f ms", value)
                : String.format(Locale.ROOT, "%.1f ms", value);
    }

    static String mib(double value) {
        return String.format(Locale.ROOT, "%.0f MiB", value);
    }
}
