package dev.threeam.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The alerts the load is made of, one per request, in the two shapes the targets read: Alertmanager's webhook v4
 * (what Alertmanager sends to 3am) and Alertmanager's own {@code POST /api/v2/alerts} array. Both carry the same
 * labels and annotations for the same sequence number.
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

    static byte[] alertmanagerV2(Spec spec) {
        Instant now = Instant.now();
        String body = "[{\"labels\":" + labels(spec) + ",\"annotations\":{\"summary\":\"" + spec.summary() + "\"},\"startsAt\":\""
                + now + "\",\"endsAt\":\"" + now.plusSeconds(3600) + "\",\"generatorURL\":\"http://prometheus.bench:9090/graph\"}]";
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
