package dev.threeam.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * Alertmanager's API v2: {@code POST /api/v2/silences} creates a silence (or, with its {@code id}, updates it in place)
 * and answers {@code {"silenceID":"…"}}; {@code DELETE /api/v2/silence/{id}} expires it. A 5xx, 429 or no answer
 * is unreachable (retried); another 4xx is a refusal.
 */
public final class AlertmanagerSilencer implements Silencer {

    private final String baseUrl;
    private final HttpClient client;

    public AlertmanagerSilencer(String baseUrl) {
        this(baseUrl, ProviderHttp.sharedClient());
    }

    AlertmanagerSilencer(String baseUrl, HttpClient client) {
        this.baseUrl = ProviderHttp.withoutTrailingSlash(baseUrl);
        this.client = client;
    }

    /** What a would-be call says: {@code POST http://am:9093/api/v2/silences {…}}. */
    static String describeCreate(String baseUrl, SilenceSpec spec) {
        return "POST " + (baseUrl == null ? "${ALERTMANAGER_URL}" : ProviderHttp.withoutTrailingSlash(baseUrl)) + "/api/v2/silences "
                + ProviderHttp.jsonText(spec.body());
    }

    @Override
    public SilenceCall create(SilenceSpec spec) {
        if (spec.id() != null) {
            // Alertmanager updates an active silence in place only when its start stays as it holds it: read it first
            SilenceSpec update;
            try {
                update = heldStart(spec);
            } catch (IOException e) {
                return SilenceCall.unreachable(ProviderHttp.notReached("Alertmanager", e));
            }
            return post(update);
        }
        return post(spec);
    }

    /** The spec with the start Alertmanager holds; without its id when that silence is gone or over (a new one is made). */
    private SilenceSpec heldStart(SilenceSpec spec) throws IOException {
        ProviderAnswer held = ProviderHttp.send(client,
                ProviderHttp.request(baseUrl + "/api/v2/silence/" + ProviderHttp.segment(spec.id())).GET().build());
        if (held.status() >= 500) {
            throw new IOException(held.toString());
        }
        try {
            JsonNode silence = Json.mapper().readTree(held.body());
            if (held.isSuccess() && silence.path("status").path("state").asText().equals("active")) {
                return new SilenceSpec(spec.id(), spec.matchers(), java.time.Instant.parse(silence.path("startsAt").asText()), spec.endsAt(),
                        spec.createdBy(), spec.comment());
            }
            if (held.isSuccess() && silence.path("status").path("state").asText().equals("pending")) {
                return spec;
            }
        } catch (IOException | java.time.format.DateTimeParseException e) {
            // unreadable: make a new one
        }
        return new SilenceSpec(null, spec.matchers(), spec.startsAt(), spec.endsAt(), spec.createdBy(), spec.comment());
    }

    private SilenceCall post(SilenceSpec spec) {
        HttpRequest request = ProviderHttp.request(baseUrl + "/api/v2/silences").header("Content-Type", "application/json")
                .POST(ProviderHttp.json(spec.body())).build();
        ProviderAnswer answer;
        try {
            answer = ProviderHttp.send(client, request);
        } catch (IOException e) {
            return SilenceCall.unreachable(ProviderHttp.notReached("Alertmanager", e));
        }
        if (answer.isSuccess()) {
            String id = silenceId(answer.body());
            return id == null ? SilenceCall.refused("no silenceID in " + answer) : SilenceCall.done(id, answer.toString());
        }
        return unreachable(answer) ? SilenceCall.unreachable(answer.toString()) : SilenceCall.refused(answer.toString());
    }

    @Override
    public SilenceCall expire(String silenceId) {
        HttpRequest request = ProviderHttp.request(baseUrl + "/api/v2/silence/" + ProviderHttp.segment(silenceId)).DELETE().build();
        ProviderAnswer answer;
        try {
            answer = ProviderHttp.send(client, request);
        } catch (IOException e) {
            return SilenceCall.unreachable(ProviderHttp.notReached("Alertmanager", e));
        }
        // gone or already expired (someone expired it by hand, or it ended): what was wanted holds
        if (answer.isSuccess() || answer.status() == 404 || answer.body().contains("already expired")) {
            return SilenceCall.done(silenceId, answer.toString());
        }
        return unreachable(answer) ? SilenceCall.unreachable(answer.toString()) : SilenceCall.refused(answer.toString());
    }

    private static boolean unreachable(ProviderAnswer answer) {
        return answer.status() >= 500 || answer.status() == 429;
    }

    private static String silenceId(String body) {
        try {
            JsonNode json = Json.mapper().readTree(body);
            return json.path("silenceID").isTextual() ? json.get("silenceID").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
