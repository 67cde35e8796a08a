package dev.threeam.bench;

import java.time.Duration;
import java.util.Map;

/**
 * Ingestion side by side: the same generator and the same alerts against the HTTP floor, Alertmanager, and 3am on
 * SQLite and PostgreSQL; for 3am also a run at 80% of its own peak rate to read p99 ack below saturation.
 */
final class Ingestion {

    /** Everything measured; {@code alertmanager} is null when it could not be run. */
    record Results(LoadResult floor, LoadResult alertmanager, LoadResult sqlitePeak, LoadResult sqliteAt80,
                   LoadResult postgresPeak, LoadResult postgresAt80, String alertmanagerNote) {}

    static final int CONNECTIONS = 32;

    private final Launcher launcher;
    private final Duration warmup;
    private final Duration measure;
    private final Databases databases;

    Ingestion(Launcher launcher, Duration warmup, Duration measure, Databases databases) {
        this.launcher = launcher;
        this.warmup = warmup;
        this.measure = measure;
        this.databases = databases;
    }

    Results run() throws Exception {
        LoadResult floor;
        try (Target target = launcher.floor()) {
            floor = peak("http floor (Javalin)", target, "/alerts/alertmanager", true);
        }
        LoadResult alertmanager = null;
        String note = null;
        try (Target target = launcher.alertmanager()) {
            if (target == null) {
                note = "prometheus-alertmanager is not installed (bench/run.sh installs it with apt when it can)";
                System.out.println("  skipped Alertmanager: " + note);
            } else {
                alertmanager = peak("alertmanager 0.25", target, "/api/v2/alerts", false);
            }
        }
        LoadResult sqlitePeak = threeAmPeak("3am sqlite", databases.sqlite("ingest"));
        LoadResult sqliteAt80 = threeAmAt80("3am sqlite", databases.sqlite("ingest80"), sqlitePeak);
        String postgres = databases.postgres("ingest");
        LoadResult postgresPeak = postgres == null ? null : threeAmPeak("3am postgres", postgres);
        String postgres80 = postgres == null ? null : databases.postgres("ingest80");
        LoadResult postgresAt80 = postgres80 == null ? null : threeAmAt80("3am postgres", postgres80, postgresPeak);
        return new Results(floor, alertmanager, sqlitePeak, sqliteAt80, postgresPeak, postgresAt80, note);
    }

    private LoadResult threeAmPeak(String name, String databaseUrl) throws Exception {
        try (FakeSlack slack = FakeSlack.start(); Target target = launcher.threeAm(name, databaseUrl, slack, Map.of())) {
            return peak(name, target, "/alerts/alertmanager", true);
        }
    }

    /** A fresh bot and database, loaded on a fixed schedule at 80% of the peak measured before. */
    private LoadResult threeAmAt80(String name, String databaseUrl, LoadResult peak) throws Exception {
        double rate = Math.max(1, Math.floor(peak.perSecond() * 0.8));
        try (FakeSlack slack = FakeSlack.start(); Target target = launcher.threeAm(name, databaseUrl, slack, Map.of())) {
            LoadResult result = new LoadGenerator(CONNECTIONS, Launcher.WEBHOOK_TOKEN)
                    .run(name, target.url("/alerts/alertmanager"), Ingestion::webhook, warmup, measure, rate);
            System.out.println("  " + result.line());
            return result;
        }
    }

    private LoadResult peak(String name, Target target, String path, boolean webhook) throws InterruptedException {
        LoadResult result = new LoadGenerator(CONNECTIONS, webhook ? Launcher.WEBHOOK_TOKEN : null)
                .run(name, target.url(path), webhook ? Ingestion::webhook : Ingestion::alertmanagerV2, warmup, measure, 0);
        System.out.println("  " + result.line());
        return result;
    }

    private static byte[] webhook(long sequence) {
        return AlertBodies.webhook(AlertBodies.ingestion(sequence, BenchRunbooks.COUNT));
    }

    private static byte[] alertmanagerV2(long sequence) {
        return AlertBodies.alertmanagerV2(AlertBodies.ingestion(sequence, BenchRunbooks.COUNT));
    }
}
