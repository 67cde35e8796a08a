package dev.threeam.action;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Pages through Opsgenie's Alert API with {@code Authorization: GenieKey …}: a trigger creates an alert whose
 * {@code alias} is the incident id and whose responder is the target team; acknowledge and resolve act on that
 * alias. Opsgenie answers 202 (processed asynchronously). Kept for teams still on it (support ends April 2027).
 */
public final class OpsgeniePager implements Pager {

    static final int MAX_MESSAGE = 130;
    static final int MAX_DESCRIPTION = 15000;

    private final String baseUrl;
    private final String apiKey;
    private final HttpClient client;

    /**
     * @param baseUrl {@code OPSGENIE_API_URL}, e.g. {@code https://api.opsgenie.com}
     * @param apiKey  {@code OPSGENIE_API_KEY} (an API integration key), or null
     */
    public OpsgeniePager(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, ProviderHttp.sharedClient());
    }

    public OpsgeniePager(String baseUrl, String apiKey, HttpClient client) {
        this.baseUrl = ProviderHttp.withoutTrailingSlash(baseUrl);
        this.apiKey = apiKey;
        this.client = client;
    }

    @Override
    public String name() {
        return "opsgenie";
    }

    @Override
    public PageResult page(PageRequest request) {
        if (apiKey == null || apiKey.isBlank()) {
            return PageResult.permanent("not called: OPSGENIE_API_KEY is not set");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            return PageResult.permanent("not called: OPSGENIE_API_URL is not set");
        }
        Optional<String> unresolved = UnresolvedReference.in(request.target());
        if (unresolved.isPresent()) {
            return PageResult.permanent(UnresolvedReference.notCalled(unresolved.get()));
        }
        HttpRequest httpRequest = ProviderHttp.request(url(request))
                .header("Authorization", "GenieKey " + apiKey)
                .header("Content-Type", "application/json")
                .POST(ProviderHttp.json(body(request)))
                .build();
        try {
            return PageResult.from(ProviderHttp.send(client, httpRequest));
        } catch (IOException e) {
            return PageResult.retryable(ProviderHttp.notReached("Opsgenie", e));
        }
    }

    @Override
    public String describe(PageRequest request) {
        String where = baseUrl == null || baseUrl.isBlank() ? "OPSGENIE_API_URL (not set)" : url(request);
        String what = request.event() == PageRequest.Event.TRIGGER
                ? priority(request.severity()) + " alert " + request.incidentId() + " for team " + request.target()
                : request.event().name().toLowerCase(Locale.ROOT) + " " + request.incidentId();
        return "Opsgenie: POST " + where + ", " + what;
    }

    private String url(PageRequest request) {
        String alias = ProviderHttp.segment(request.incidentId());
        return switch (request.event()) {
            case TRIGGER -> baseUrl + "/v2/alerts";
            case ACKNOWLEDGE -> baseUrl + "/v2/alerts/" + alias + "/acknowledge?identifierType=alias";
            case RESOLVE -> baseUrl + "/v2/alerts/" + alias + "/close?identifierType=alias";
        };
    }

    static Map<String, Object> body(PageRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (request.event() != PageRequest.Event.TRIGGER) {
            body.put("source", "3am");
            body.put("note", (request.event() == PageRequest.Event.RESOLVE ? "Resolved" : "Acknowledged")
                    + " in 3am: " + request.summary());
            return body;
        }
        body.put("message", clip(request.summary(), MAX_MESSAGE));
        body.put("alias", request.incidentId());
        body.put("description", clip(description(request), MAX_DESCRIPTION));
        body.put("responders", List.of(Map.of("name", request.target(), "type", "team")));
        body.put("source", request.source());
        body.put("priority", priority(request.severity()));
        Map<String, String> details = new LinkedHashMap<>(request.details());
        details.put("incident", request.incidentId());
        if (request.link() != null && !request.link().isBlank()) {
            details.put("link", request.link());
        }
        body.put("details", details);
        return body;
    }

    static String priority(PageRequest.Severity severity) {
        return switch (severity) {
            case CRITICAL -> "P1";
            case WARNING -> "P3";
            case INFO -> "P5";
        };
    }

    private static String description(PageRequest request) {
        StringBuilder text = new StringBuilder(request.summary());
        if (request.link() != null && !request.link().isBlank()) {
            text.append("\n\n3am incident ").append(request.incidentId()).append(": ").append(request.link());
        }
        return text.toString();
    }

    private static String clip(String text, int max) {
        return dev.threeam.common.Text.clip(text, max);
    }
}
