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
 * Pages through PagerDuty Events API v2: {@code POST /v2/enqueue} with the target as {@code routing_key} and the
 * incident id as {@code dedup_key}. 202 is done; 400 is permanent; 429, 5xx and no answer are retryable.
 */
public final class PagerDutyPager implements Pager {

    /** PagerDuty refuses summaries longer than this. */
    static final int MAX_SUMMARY = 1024;

    private final String eventsUrl;
    private final HttpClient client;

    /** @param eventsUrl the Events API endpoint, e.g. {@code https://events.pagerduty.com/v2/enqueue} */
    public PagerDutyPager(String eventsUrl) {
        this(eventsUrl, ProviderHttp.sharedClient());
    }

    public PagerDutyPager(String eventsUrl, HttpClient client) {
        this.eventsUrl = eventsUrl;
        this.client = client;
    }

    @Override
    public String name() {
        return "pagerduty";
    }

    @Override
    public PageResult page(PageRequest request) {
        Optional<String> unresolved = UnresolvedReference.in(request.target());
        if (unresolved.isPresent()) {
            return PageResult.permanent(UnresolvedReference.notCalled(unresolved.get()));
        }
        if (eventsUrl == null || eventsUrl.isBlank()) {
            return PageResult.permanent("not called: PAGERDUTY_EVENTS_URL is not set");
        }
        HttpRequest httpRequest = ProviderHttp.request(eventsUrl)
                .header("Content-Type", "application/json")
                .POST(ProviderHttp.json(body(request)))
                .build();
        try {
            return PageResult.from(ProviderHttp.send(client, httpRequest));
        } catch (IOException e) {
            return PageResult.retryable(ProviderHttp.notReached("PagerDuty", e));
        }
    }

    @Override
    public String describe(PageRequest request) {
        String url = eventsUrl == null || eventsUrl.isBlank() ? "PAGERDUTY_EVENTS_URL (not set)" : eventsUrl;
        return "PagerDuty: POST " + url + ", " + request.event().name().toLowerCase(Locale.ROOT) + " " + request.incidentId()
                + " (" + request.severity().wireName() + ") for routing key " + Pager.tail(request.target());
    }

    /** The event as PagerDuty expects it; acknowledge and resolve carry only the keys. */
    static Map<String, Object> body(PageRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routing_key", request.target());
        body.put("event_action", request.event().name().toLowerCase(Locale.ROOT));
        body.put("dedup_key", request.incidentId());
        if (request.event() != PageRequest.Event.TRIGGER) {
            return body;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", clip(request.summary()));
        payload.put("source", request.source());
        payload.put("severity", request.severity().wireName());
        Map<String, Object> details = new LinkedHashMap<>(request.details());
        details.put("incident", request.incidentId());
        payload.put("custom_details", details);
        body.put("payload", payload);
        if (request.link() != null && !request.link().isBlank()) {
            body.put("links", List.of(Map.of("href", request.link(), "text", "3am incident " + request.incidentId())));
        }
        return body;
    }

    private static String clip(String summary) {
        return dev.threeam.common.Text.clip(summary, MAX_SUMMARY);
    }
}
