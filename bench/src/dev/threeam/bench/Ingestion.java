package dev.threeam.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Peak ingestion, one alert per request, with wrk: the bare-Javalin floor (measured first and again last, and once
 * with twice the connections to show the generator is not the limit), Alertmanager's {@code POST /api/v2/alerts},
 * and 3am's {@code POST /alerts/alertmanager} on SQLite, on PostgreSQL, and as two replicas on one PostgreSQL. Every
 * bot gets a fresh database and is warmed up with the same load before its window.
 */
final class Ingestion {

    /** Everything measured; a null peak was not run (its note says why). */
    record Results(Peak floor, Peak floorMoreConnections, Peak floorAfter, Peak alertmanager, Peak sqlite, Peak postgres,
                   Peak replicas, List<Double> replicaAlertsPerSecond, List<String> notes) {

        /** The floor the ratios are taken against: the mean of its first and last measurement. */
        double floorReference() {
            return floorAfter == null ? floor.alertsPerSecond() : (floor.alertsPerSecond() + floorAfter.alertsPerSecond()) / 2;
        }

        double alertmanagerReference() {
            return alertmanager == null ? Double.NaN : alertmanager.alertsPerSecond();
        }
    }

    private final Launcher launcher;
    private final Peaks peaks;
    private final Databases databases;
    private final LoadBodies bodies;

    Ingestion(Launcher launcher, Peaks peaks, Databases databases, LoadBodies bodies) {
        this.launcher = launcher;
        this.peaks = peaks;
        this.databases = databases;
        this.bodies = bodies;
    }

    Results run(boolean withOthers) throws Exception {
        List<String> notes = new ArrayList<>();
        Peak floor = null;
        Peak floorMore = null;
        Peak floorAfter = null;
        Peak alertmanager = null;
        Peak replicas = null;
        List<Double> replicaRates = List.of();
        try (Target floorTarget = withOthers ? launcher.floor() : null) {
            if (floorTarget != null) {
                floor = peaks.measure("http floor (Javalin)", List.of(floorTarget), "/alerts/alertmanager", bodies.singleWebhook(), null, 1, null);
                Wrk more = peaks.wrk().withConnections(peaks.wrk().connections() * 2);
                floorMore = peaks.measureWarm("http floor, 2× connections", more, List.of(floorTarget), "/alerts/alertmanager",
                        bodies.singleWebhook(), null, 1, null);
                alertmanager = alertmanager(notes);
            }
            Peak sqlite = threeAm("3am sqlite", databases.sqlite("peak"), "sqlite");
            String postgresUrl = databases.postgres("peak");
            Peak postgres = postgresUrl == null ? null : threeAm("3am postgres, 1 replica", postgresUrl, "postgres");
            if (postgresUrl == null) {
                notes.add("PostgreSQL runs skipped: no server to create a database on (BENCH_PG_HOST)");
            } else if (withOthers) {
                String shared = databases.postgres("replicas");
                List<Double> rates = new ArrayList<>();
                replicas = replicas(shared, rates);
                replicaRates = rates;
            }
            if (floorTarget != null) {
                floorAfter = peaks.measureWarm("http floor (Javalin), again", peaks.wrk(), List.of(floorTarget), "/alerts/alertmanager",
                        bodies.singleWebhook(), null, 1, null);
            }
            return new Results(floor, floorMore, floorAfter, alertmanager, sqlite, postgres, replicas, replicaRates, notes);
        }
    }

    private Peak alertmanager(List<String> notes) throws Exception {
        try (Target target = launcher.alertmanager()) {
            if (target == null) {
                notes.add("Alertmanager skipped: prometheus-alertmanager is not installed (bench/run.sh installs it with apt when it can)");
                System.out.println("  skipped Alertmanager: not installed");
                return null;
            }
            return peaks.measure("Alertmanager /api/v2/alerts", List.of(target), "/api/v2/alerts",
                    bodies.singleV2(), null, 1, null);
        }
    }

    private Peak threeAm(String name, String databaseUrl, String profile) throws Exception {
        try (FakeSlack slack = FakeSlack.start(); Target target = launcher.threeAm(name, databaseUrl, slack, Map.of())) {
            return peaks.measure(name, List.of(target), "/alerts/alertmanager", bodies.singleWebhook(), Launcher.WEBHOOK_TOKEN, 1, profile);
        }
    }

    /**
     * Two replicas on one fresh PostgreSQL database and one (fake) Slack workspace. One wrk process, the same threads
     * and connections as for one replica, thread i sending to replica i % 2: the same generator and the same offered
     * concurrency, split evenly. Each replica's own count of accepted alerts is read from its {@code /metrics}.
     */
    private Peak replicas(String databaseUrl, List<Double> perReplica) throws Exception {
        try (FakeSlack slack = FakeSlack.start();
             Target first = launcher.threeAm("3am postgres replica 1", databaseUrl, slack, Map.of());
             Target second = launcher.threeAm("3am postgres replica 2", databaseUrl, slack, Map.of())) {
            List<Target> both = List.of(first, second);
            List<String> urls = both.stream().map(target -> target.url("/alerts/alertmanager")).toList();
            peaks.warm("3am postgres, 2 replicas", urls, bodies.singleWebhook(), Launcher.WEBHOOK_TOKEN);
            double[] before = {accepted(first), accepted(second)};
            Wrk even = peaks.wrk().threads() % 2 == 0 ? peaks.wrk() : peaks.wrk().withThreads(peaks.wrk().threads() + 1);
            Peak peak = peaks.measureWarm("3am postgres, 2 replicas", even, both, "/alerts/alertmanager", bodies.singleWebhook(),
                    Launcher.WEBHOOK_TOKEN, 1, null);
            double seconds = peak.run().seconds();
            perReplica.add((accepted(first) - before[0]) / seconds);
            perReplica.add((accepted(second) - before[1]) / seconds);
            System.out.printf("  per replica: %.0f and %.0f alerts/s accepted (from their /metrics)%n", perReplica.get(0), perReplica.get(1));
            return peak;
        }
    }

    /** {@code threeam_alerts_received_total{result="accepted",source="alertmanager"}} from the bot's /metrics. */
    private static double accepted(Target bot) {
        try {
            return bot.get("/metrics").lines()
                    .filter(line -> line.startsWith("threeam_alerts_received_total{") && line.contains("result=\"accepted\"")
                            && line.contains("source=\"alertmanager\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
