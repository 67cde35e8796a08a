package dev.threeam.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;
import dev.threeam.action.FakeApi.Received;
import dev.threeam.action.FakeApi.Reply;
import dev.threeam.action.PageRequest.Event;
import dev.threeam.action.PageRequest.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagerDutyPagerTest {

    static final String ROUTING_KEY = "R0UT1NGKEY0123456789ABCDEFGHIJKL";

    private int forcedStatus = 0;
    private final FakeApi pagerDuty = new FakeApi(this::eventsApi);

    @AfterEach
    void stop() {
        pagerDuty.close();
    }

    /** Answers like Events API v2: validates the event and refuses what the real one refuses. */
    private Reply eventsApi(Received request) {
        if (!request.method().equals("POST") || !request.path().equals("/v2/enqueue")) {
            return new Reply(404, "{\"message\":\"not found\"}");
        }
        if (forcedStatus != 0) {
            return new Reply(forcedStatus, "{\"status\":\"throttle event\"}");
        }
        JsonNode event = json(request.body());
        String key = event.path("routing_key").asText("");
        if (key.isBlank()) {
            return invalid("'routing_key' is missing or blank");
        }
        if (key.length() != 32) {
            return invalid("'routing_key' is invalid");
        }
        String action = event.path("event_action").asText();
        if (!Set.of("trigger", "acknowledge", "resolve").contains(action)) {
            return invalid("'event_action' is invalid");
        }
        if (action.equals("trigger")) {
            JsonNode payload = event.path("payload");
            if (payload.path("summary").asText("").isBlank() || payload.path("source").asText("").isBlank()) {
                return invalid("'payload.summary' and 'payload.source' are required");
            }
            if (!Set.of("critical", "error", "warning", "info").contains(payload.path("severity").asText())) {
                return invalid("'payload.severity' is invalid");
            }
        } else if (event.path("dedup_key").asText("").isBlank()) {
            return invalid("'dedup_key' is required for " + action);
        }
        return new Reply(202, "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\""
                + event.path("dedup_key").asText() + "\"}");
    }

    private static Reply invalid(String error) {
        return new Reply(400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\""
                + error + "\"]}");
    }

    private PagerDutyPager pager() {
        return new PagerDutyPager(pagerDuty.url() + "/v2/enqueue");
    }

    static PageRequest trigger(String target) {
        return new PageRequest("INC-7", Event.TRIGGER, "Faithfulness 0.71 < 0.85 on support-answers",
                Severity.CRITICAL, "support-answers", "http://3am.local/incidents/INC-7", target,
                Map.of("failure_type", "quality_drift"));
    }

    @Test
    void a_trigger_posts_an_event_keyed_by_the_incident_and_is_done_on_202() {
        PageResult result = pager().page(trigger(ROUTING_KEY));

        assertThat(result.outcome()).isEqualTo(PageResult.Outcome.DONE);
        assertThat(result.status()).isEqualTo(202);
        assertThat(result.detail()).contains("Event processed");
        Received received = pagerDuty.only();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/v2/enqueue");
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        JsonNode event = json(received.body());
        assertThat(event.path("routing_key").asText()).isEqualTo(ROUTING_KEY);
        assertThat(event.path("event_action").asText()).isEqualTo("trigger");
        assertThat(event.path("dedup_key").asText()).isEqualTo("INC-7");
        assertThat(event.path("payload").path("summary").asText()).isEqualTo("Faithfulness 0.71 < 0.85 on support-answers");
        assertThat(event.path("payload").path("source").asText()).isEqualTo("support-answers");
        assertThat(event.path("payload").path("severity").asText()).isEqualTo("critical");
        assertThat(event.path("payload").path("custom_details").path("failure_type").asText()).isEqualTo("quality_drift");
        assertThat(event.path("links").get(0).path("href").asText()).isEqualTo("http://3am.local/incidents/INC-7");
    }

    @Test
    void acknowledge_and_resolve_send_only_the_keys() {
        PageRequest resolve = new PageRequest("INC-7", Event.RESOLVE, "resolved", Severity.INFO, "support-answers",
                null, ROUTING_KEY);
        PageRequest acknowledge = new PageRequest("INC-7", Event.ACKNOWLEDGE, "acked", Severity.INFO,
                "support-answers", null, ROUTING_KEY);

        assertThat(pager().page(acknowledge).isDone()).isTrue();
        assertThat(pager().page(resolve).isDone()).isTrue();

        assertThat(pagerDuty.received()).extracting(request -> json(request.body()).path("event_action").asText())
                .containsExactly("acknowledge", "resolve");
        JsonNode event = json(pagerDuty.received().get(1).body());
        assertThat(event.path("dedup_key").asText()).isEqualTo("INC-7");
        assertThat(event.has("payload")).isFalse();
    }

    @Test
    void an_invalid_routing_key_is_refused_with_400_and_not_worth_retrying() {
        PageResult result = pager().page(trigger("not-a-routing-key"));

        assertThat(result.outcome()).isEqualTo(PageResult.Outcome.PERMANENT_FAILURE);
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.detail()).contains("'routing_key' is invalid");
    }

    @Test
    void the_fake_like_pagerduty_refuses_an_event_without_a_routing_key() throws Exception {
        HttpRequest noKey = HttpRequest.newBuilder(URI.create(pagerDuty.url() + "/v2/enqueue"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event_action\":\"trigger\",\"dedup_key\":\"INC-7\"}"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(noKey, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("'routing_key' is missing or blank");
    }

    @Test
    void a_page_without_a_target_cannot_be_built() {
        assertThatThrownBy(() -> trigger(" ")).isInstanceOf(BadInputException.class).hasMessageContaining("target");
    }

    @Test
    void rate_limits_and_server_errors_are_retryable() {
        forcedStatus = 429;
        assertThat(pager().page(trigger(ROUTING_KEY)).outcome()).isEqualTo(PageResult.Outcome.RETRYABLE_FAILURE);
        forcedStatus = 503;
        PageResult result = pager().page(trigger(ROUTING_KEY));
        assertThat(result.outcome()).isEqualTo(PageResult.Outcome.RETRYABLE_FAILURE);
        assertThat(result.status()).isEqualTo(503);
    }

    @Test
    void an_unreachable_pagerduty_is_retryable() {
        PageResult result = new PagerDutyPager("http://127.0.0.1:" + closedPort() + "/v2/enqueue")
                .page(trigger(ROUTING_KEY));

        assertThat(result.outcome()).isEqualTo(PageResult.Outcome.RETRYABLE_FAILURE);
        assertThat(result.status()).isZero();
        assertThat(result.detail()).startsWith("PagerDuty not reached");
    }

    @Test
    void an_unresolved_routing_key_is_not_called() {
        PageResult result = pager().page(trigger("${PD_KEY_ML}"));

        assertThat(result.outcome()).isEqualTo(PageResult.Outcome.PERMANENT_FAILURE);
        assertThat(result.detail()).isEqualTo("not called: ${PD_KEY_ML} is not set");
        assertThat(pagerDuty.received()).isEmpty();
    }

    @Test
    void long_summaries_are_cut_to_what_pagerduty_accepts() {
        PageRequest request = new PageRequest("INC-8", Event.TRIGGER, "x".repeat(5000), Severity.WARNING, "w", null,
                ROUTING_KEY);

        pager().page(request);

        assertThat(json(pagerDuty.only().body()).path("payload").path("summary").asText()).hasSize(1024);
    }

    static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
