package dev.threeam.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The alerts the load is made of, in the two shapes the targets read: Alertmanager's webhook v4 (what Alertmanager
 * sends to 3am) and Alertmanager's own {@code POST /api/v2/alerts} array. Both carry the same labels and annotations
 * for the same sequence number. Ingestion uses 10,000 distinct alerts in 100 groups that repeat: one per request, or
 * a whole group (100 alerts) per request, the way Alertmanager delivers a group.
 */
final class AlertBodies {

    /** One alert: which group it belongs to, which distinct alert it is, which workflow (and so channel) it names. */
    record Spec(String alertname, String instance, String workflow, String summary) {
        String groupKey() {
            return "{}:{alertname=\\\"" + alertname + "\\\"}";
        }

        String fingerprint() {
            long hash = 0xcbf29ce484222325L; // FNV-1a, 64 bits: no collisions among the bench's alerts
            for (byte octet : (alertname + "|" + instance).getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (octet & 0xff)) * 0x100000001b3L;
            }
            return String.format("%016x", hash);
        }
    }

    private AlertBodies() {}

    /** Ingestion load: 100 groups, 10,000 distinct alerts that repeat, spread over the bench workflows. */
    static Spec ingestion(long sequence, int workflows) {
        int alert = (int) (sequence % 10_000);
        int group = alert % 100;
        return new Spec("BenchAlert" + group, instance(alert), BenchRunbooks.workflow(group % workflows),
                "p95 latency 4.2s > 4s on " + instance(alert));
    }

    static final int DISTINCT = 10_000;
    static final int BATCH = 100;

    /** The 100 alerts of group {@code group % 100}: every distinct alert of the ingestion load once, in 100 bodies. */
    static List<Spec> group(int group) {
        return IntStream.range(0, DISTINCT / BATCH).mapToObj(index -> ingestion(group % BATCH + (long) BATCH * index, BenchRunbooks.COUNT))
                .toList();
    }

    /** The ingestion load as request bodies: each distinct alert once (single), or each group once (batch of 100). */
    static List<byte[]> bodies(boolean batched, boolean webhookShape) {
        IntFunction<List<Spec>> specs = batched ? AlertBodies::group : index -> List.of(ingestion(index, BenchRunbooks.COUNT));
        List<byte[]> bodies = new ArrayList<>();
        for (int index = 0; index < (batched ? BATCH : DISTINCT); index++) {
            bodies.add(webhookShape ? webhook(specs.apply(index)) : alertmanagerV2(specs.apply(index)));
        }
        return bodies;
    }

    /** Writes bodies one per line (they hold no newline), the file {@code bench/wrk/post.lua} reads. */
    static Path write(List<byte[]> bodies, Path file) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            for (byte[] body : bodies) {
                out.write(body);
                out.write('\n');
            }
        }
        return file;
    }

    static byte[] webhook(Spec spec) {
        return webhook(List.of(spec));
    }

    /** One webhook carrying several alerts of one group (the group is the first alert's). */
    static byte[] webhook(List<Spec> specs) {
        Spec first = specs.get(0);
        String startsAt = Instant.now().toString();
        String alerts = specs.stream().map(spec -> "{\"status\":\"firing\",\"labels\":" + labels(spec)
                        + ",\"annotations\":{\"summary\":\"" + spec.summary() + "\"},\"startsAt\":\"" + startsAt
                        + "\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"http://prometheus.bench:9090/graph\","
                        + "\"fingerprint\":\"" + spec.fingerprint() + "\"}")
                .collect(Collectors.joining(","));
        String body = "{\"receiver\":\"3am\",\"status\":\"firing\",\"alerts\":[" + alerts + "],\"groupLabels\":{\"alertname\":\""
                + first.alertname() + "\"},\"commonLabels\":{\"alertname\":\"" + first.alertname() + "\",\"workflow\":\""
                + first.workflow() + "\"},\"commonAnnotations\":{},\"externalURL\":\"http://alertmanager.bench:9093\","
                + "\"version\":\"4\",\"groupKey\":\"" + first.groupKey() + "\",\"truncatedAlerts\":0}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** Alertmanager's {@code POST /api/v2/alerts} array; {@code endsAt} 6 h ahead, so the alerts stay firing for the run. */
    static byte[] alertmanagerV2(List<Spec> specs) {
        Instant now = Instant.now();
        String body = specs.stream().map(spec -> "{\"labels\":" + labels(spec) + ",\"annotations\":{\"summary\":\"" + spec.summary()
                        + "\"},\"startsAt\":\"" + now + "\",\"endsAt\":\"" + now.plusSeconds(6 * 3600)
                        + "\",\"generatorURL\":\"http://prometheus.bench:9090/graph\"}")
                .collect(Collectors.joining(",", "[", "]"));
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String labels(Spec spec) {
        return "{\"alertname\":\"" + spec.alertname() + "\",\"instance\":\"" + spec.instance() + "\",\"severity\":\"warning\","
                + "\"ai_failure_type\":\"latency_failure\",\"workflow\":\"" + spec.workflow() + "\"}";
    }

    static String instance(int alert) {
        return "10." + (alert >> 16 & 255) + "." + (alert >> 8 & 255) + "." + (alert & 255) + ":9100";
    }
}
