package dev.threeam.bench;

import java.util.List;
import java.util.Map;

/**
 * Webhooks of 100 alerts, Alertmanager's own delivery shape (a whole group per POST): 3am's
 * {@code POST /alerts/alertmanager} on SQLite and on PostgreSQL, and Alertmanager's {@code POST /api/v2/alerts} given
 * the same 100 alerts as one array. Peak alerts/s with wrk, fresh database and warm-up per bot.
 */
final class Batches {

    /** A null peak was not run. */
    record Results(Peak alertmanager, Peak sqlite, Peak postgres) {}

    private final Launcher launcher;
    private final Peaks peaks;
    private final Databases databases;
    private final LoadBodies bodies;

    Batches(Launcher launcher, Peaks peaks, Databases databases, LoadBodies bodies) {
        this.launcher = launcher;
        this.peaks = peaks;
        this.databases = databases;
        this.bodies = bodies;
    }

    Results run() throws Exception {
        Peak alertmanager = null;
        try (Target target = launcher.alertmanager()) {
            if (target != null) {
                alertmanager = peaks.measure("Alertmanager, arrays of 100", List.of(target), "/api/v2/alerts", bodies.batchV2(), null,
                        AlertBodies.BATCH, null);
            } else {
                System.out.println("  skipped Alertmanager: not installed");
            }
        }
        Peak sqlite = threeAm("3am sqlite, webhooks of 100", databases.sqlite("batch"));
        String postgres = databases.postgres("batch");
        return new Results(alertmanager, sqlite, postgres == null ? null : threeAm("3am postgres, webhooks of 100", postgres));
    }

    private Peak threeAm(String name, String databaseUrl) throws Exception {
        try (FakeSlack slack = FakeSlack.start(); Target target = launcher.threeAm(name, databaseUrl, slack, Map.of())) {
            return peaks.measure(name, List.of(target), "/alerts/alertmanager", bodies.batchWebhook(), Launcher.WEBHOOK_TOKEN,
                    AlertBodies.BATCH, null);
        }
    }
}
