package dev.threeam.action;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Alertmanager's API v2: {@code POST /api/v2/silences} creates a silence (or, with its {@code id}, updates it in place)
 * and answers {@code {"silenceID":"…"}}; {@code DELETE /api/v2/silence/{id}} expires it; {@code GET /api/v2/silences}
 * finds the one a create whose answer was lost made ({@link #createOnce}). A 5xx, 429 or no answer
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

    @Override
    public SilenceCall createOnce(SilenceSpec spec) {
        if (spec.id() != null) {
            return create(spec);
        }
        Optional<String> made;
        try {
            made = made(spec);
        } catch (IOException e) {
            return SilenceCall.unreachable(ProviderHttp.notReached("Alertmanager", e));
        }
        return create(made.map(spec::withId).orElse(spec));
    }

    /**
     * The active (or pending) silence an earlier create of {@code spec} made: {@code GET /api/v2/silences} filtered by its
     * matchers, then the same matchers exactly, the same creator and the same comment (which names the incident).
     */
    private Optional<String> made(SilenceSpec spec) throws IOException {
        String filters = spec.matchers().stream().map(AlertmanagerSilencer::filter).collect(Collectors.joining("&"));
        HttpResponse<String> answer = ProviderHttp.sendForBody(client,
                ProviderHttp.request(baseUrl + "/api/v2/silences" + (filters.isEmpty() ? "" : "?" + filters)).GET().build());
        if (answer.statusCode() >= 500 || answer.statusCode() == 429) {
            throw new IOException(new ProviderAnswer(answer.statusCode(), answer.body()).toString());
        }
        if (answer.statusCode() < 200 || answer.statusCode() >= 300) {
            return Optional.empty(); // cannot be looked up (a filter it refuses): created as before
        }
        JsonNode silences;
        try {
            silences = Json.mapper().readTree(answer.body());
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        Set<SilenceMatcher> wanted = Set.copyOf(spec.matchers());
        for (JsonNode silence : silences) {
            String state = silence.path("status").path("state").asText();
            if ((state.equals("active") || state.equals("pending")) && silence.path("comment").asText().equals(spec.comment())
                    && silence.path("createdBy").asText().equals(spec.createdBy()) && wanted.equals(equalityMatchers(silence))
                    && silence.path("id").isTextual()) {
                return Optional.of(silence.path("id").asText());
            }
        }
        return Optional.empty();
    }

    /** {@code filter=name%3D%22value%22}: Alertmanager's matcher syntax, the value quoted. */
    private static String filter(SilenceMatcher matcher) {
        String quoted = "\"" + matcher.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return "filter=" + ProviderHttp.segment(matcher.name() + "=" + quoted);
    }

    /** The silence's matchers when all are plain equalities (as 3am makes them); else none. */
    private static Set<SilenceMatcher> equalityMatchers(JsonNode silence) {
        Set<SilenceMatcher> matchers = new HashSet<>();
        for (JsonNode matcher : silence.path("matchers")) {
            if (matcher.path("isRegex").asBoolean(false) || !matcher.path("isEqual").asBoolean(true)) {
                return Set.of();
            }
            matchers.add(new SilenceMatcher(matcher.path("name").asText(), matcher.path("value").asText()));
        }
        return matchers;
    }

    /** The spec with the start Alertmanager holds; without its id when that silence is gone or over (a new one is made). */
    private SilenceSpec heldStart(SilenceSpec spec) throws IOException {
        // the whole body: a ProviderAnswer keeps only its first 500 characters, less than a silence with a long comment
        HttpResponse<String> held = ProviderHttp.sendForBody(client,
                ProviderHttp.request(baseUrl + "/api/v2/silence/" + ProviderHttp.segment(spec.id())).GET().build());
        if (held.statusCode() >= 500) {
            throw new IOException(new ProviderAnswer(held.statusCode(), held.body()).toString());
        }
        boolean found = held.statusCode() >= 200 && held.statusCode() < 300;
        try {
            JsonNode silence = Json.mapper().readTree(held.body());
            if (found && silence.path("status").path("state").asText().equals("active")) {
                return new SilenceSpec(spec.id(), spec.matchers(), java.time.Instant.parse(silence.path("startsAt").asText()), spec.endsAt(),
                        spec.createdBy(), spec.comment());
            }
            if (found && silence.path("status").path("state").asText().equals("pending")) {
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
