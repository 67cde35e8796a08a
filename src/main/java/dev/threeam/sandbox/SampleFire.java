package dev.threeam.sandbox;

import dev.threeam.common.Json;
import dev.threeam.common.ThreeAmException;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * "Fire a sample incident": records two recent changes and sends a realistic Alertmanager alert (answers citing
 * the wrong source after an index rebuild) through the bot's own public endpoints, as a real sender would.
 */
final class SampleFire {

    private final String baseUrl;
    private final String token;
    private final RunbookRegistry runbooks;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SampleFire(String baseUrl, String token, RunbookRegistry runbooks, Clock clock) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.runbooks = runbooks;
        this.clock = clock;
    }

    void fire() {
        String workflow = runbooks.find("support-chat").or(() -> runbooks.all().stream().findFirst())
                .map(Runbook::workflow).orElse("support-chat");
        Instant now = clock.instant();
        post("/changes", List.of(
                Map.of("workflow", workflow, "kind", "retrieval_index", "summary", "Help-center index rebuilt with new chunking (512 → 1024 tokens)",
                        "from", "hc-2026-11-27", "to", "hc-2026-11-28", "author", "dana", "at", now.minus(Duration.ofMinutes(50)).toString()),
                Map.of("workflow", workflow, "kind", "prompt", "summary", "Prompt v42: shorter answers", "from", "v41", "to", "v42",
                        "author", "lee", "at", now.minus(Duration.ofHours(3)).toString())));
        String fingerprint = Long.toHexString(now.toEpochMilli());
        post("/alerts/alertmanager", Map.of(
                "version", "4", "status", "firing", "receiver", "3am",
                "groupKey", "{}:{alertname=\"RagCitationMissRateHigh\", sample=\"" + fingerprint + "\"}",
                "groupLabels", Map.of("alertname", "RagCitationMissRateHigh"),
                "commonLabels", Map.of(), "commonAnnotations", Map.of(), "externalURL", "http://alertmanager.local",
                "alerts", List.of(Map.of(
                        "status", "firing", "fingerprint", fingerprint,
                        "labels", Map.of("alertname", "RagCitationMissRateHigh", "service", workflow, "severity", "critical",
                                "metric", "citation_miss_rate"),
                        "annotations", Map.of("summary", "Citation miss rate 23% (threshold 10%) on " + workflow,
                                "description", "Answers cite help-center articles that were not in the retrieved set since the index rebuild."),
                        "startsAt", now.minus(Duration.ofMinutes(5)).toString(),
                        "endsAt", "0001-01-01T00:00:00Z"))));
    }

    private void post(String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new ThreeAmException("sample " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new ThreeAmException("sample " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ThreeAmException("sample interrupted", e);
        }
    }
}
