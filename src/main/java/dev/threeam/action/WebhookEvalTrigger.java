package dev.threeam.action;

import dev.threeam.common.Json;
import dev.threeam.incident.Incident;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * "Rerun eval": POSTs {@code {"incident","workflow","drill","callback"}} to the runbook's eval webhook; the eval
 * reports back to {@code POST /api/incidents/{id}/eval-result}.
 */
public final class WebhookEvalTrigger implements EvalTrigger {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public ProviderAnswer trigger(String webhook, Incident incident, String publicUrl) {
        if (webhook.contains("${")) {
            return new ProviderAnswer(400, "not called: " + webhook + " is not set");
        }
        String body = body(incident, publicUrl);
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(webhook)).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new ProviderAnswer(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            return new ProviderAnswer(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProviderAnswer(0, "interrupted");
        } catch (IllegalArgumentException e) {
            return new ProviderAnswer(400, "not a URL: " + webhook);
        }
    }

    /** What the webhook receives. */
    static String body(Incident incident, String publicUrl) {
        return Json.write(Map.of("incident", incident.id(), "workflow", String.valueOf(incident.workflow()),
                "drill", incident.drill(), "callback", publicUrl + "/api/incidents/" + incident.id() + "/eval-result"));
    }
}
