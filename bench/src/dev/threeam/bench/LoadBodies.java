package dev.threeam.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The request bodies of the ingestion load, written once per run for wrk (one body per line) and kept in memory for
 * the fixed-rate generator: 10,000 single-alert bodies and 100 bodies of 100 alerts (one per group), each as 3am's
 * Alertmanager webhook and as Alertmanager's own {@code /api/v2/alerts} array with the same alerts.
 */
record LoadBodies(Path singleWebhook, Path singleV2, Path batchWebhook, Path batchV2, List<byte[]> singleWebhookBodies) {

    static LoadBodies write(Path dir) throws IOException {
        List<byte[]> single = AlertBodies.bodies(false, true);
        return new LoadBodies(AlertBodies.write(single, dir.resolve("bodies-webhook-1.txt")),
                AlertBodies.write(AlertBodies.bodies(false, false), dir.resolve("bodies-v2-1.txt")),
                AlertBodies.write(AlertBodies.bodies(true, true), dir.resolve("bodies-webhook-100.txt")),
                AlertBodies.write(AlertBodies.bodies(true, false), dir.resolve("bodies-v2-100.txt")), single);
    }
}
