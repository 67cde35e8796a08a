package dev.threeam.action;

import static dev.threeam.action.PagerDutyPagerTest.json;
import static dev.threeam.action.Rollbacks.rollback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.action.FakeApi.Received;
import dev.threeam.action.FakeApi.Reply;
import dev.threeam.runbook.Runbook;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookFlagProviderTest {

    private final FakeApi kb = new FakeApi(WebhookFlagProviderTest::rollbackApi);
    private final WebhookFlagProvider webhook = new WebhookFlagProvider();

    @AfterEach
    void stop() {
        kb.close();
    }

    /** A team's own rollback endpoint: JSON only, answers 204 to a switch and 500 to /broken. */
    private static Reply rollbackApi(Received request) {
        if (request.path().equals("/broken")) {
            return new Reply(500, "{\"error\":\"index previous not found\"}");
        }
        if (!"application/json".equals(request.header("Content-Type"))) {
            return new Reply(415, "{\"error\":\"JSON only\"}");
        }
        return new Reply(request.path().equals("/switch") ? 204 : 200, "");
    }

    private Runbook.Rollback kbRollback(Map<String, Object> extra) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("url", kb.url() + "/switch");
        settings.put("body", Map.of("alias", "kb-live", "target", "previous"));
        settings.putAll(extra);
        return rollback("webhook", settings);
    }

    @Test
    void posts_the_body_as_json_and_any_2xx_is_done() {
        RollbackResult result = webhook.apply(kbRollback(Map.of()));

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.DONE);
        assertThat(result.detail()).contains("HTTP 204");
        Received received = kb.only();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/switch");
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(json(received.body())).isEqualTo(json("{\"alias\":\"kb-live\",\"target\":\"previous\"}"));
    }

    @Test
    void method_and_headers_are_sent_as_written() {
        webhook.apply(kbRollback(Map.of("method", "put", "headers", Map.of("X-Rollback-Token", "s3cret"))));

        Received received = kb.only();
        assertThat(received.method()).isEqualTo("PUT");
        assertThat(received.header("X-Rollback-Token")).isEqualTo("s3cret");
    }

    @Test
    void an_expected_status_must_match_exactly() {
        RollbackResult result = webhook.apply(kbRollback(Map.of("expect", 200)));

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.FAILED);
        assertThat(result.detail()).isEqualTo("webhook refused: HTTP 204");
    }

    @Test
    void a_server_error_is_unreachable_for_now_with_the_answer() {
        RollbackResult result = webhook.apply(kbRollback(Map.of("url", kb.url() + "/broken")));

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.UNREACHABLE);
        assertThat(result.detail()).contains("500", "index previous not found");
    }

    @Test
    void an_unresolved_url_is_not_called() {
        RollbackResult result = webhook.apply(kbRollback(Map.of("url", "${KB_ROLLBACK_URL}")));

        assertThat(result.detail()).isEqualTo("not called: ${KB_ROLLBACK_URL} is not set");
        assertThat(kb.received()).isEmpty();
    }

    @Test
    void an_unreachable_webhook_is_unreachable_saying_so() {
        RollbackResult result = webhook.apply(kbRollback(
                Map.of("url", "http://127.0.0.1:" + PagerDutyPagerTest.closedPort() + "/switch")));

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.UNREACHABLE);
        assertThat(result.detail()).startsWith("webhook not reached");
    }

    @Test
    void an_unknown_method_fails_naming_the_setting() {
        RollbackResult result = webhook.apply(kbRollback(Map.of("method", "TRACE")));

        assertThat(result.detail()).startsWith("rollback prompt-v41: webhook.method: expected one of");
        assertThat(kb.received()).isEmpty();
    }

    @Test
    void describe_shows_method_url_and_body_but_not_the_query_or_headers() {
        String description = webhook.describe(rollback("webhook", Map.of(
                "url", "https://kb.example/rollback?token=s3cret",
                "body", Map.of("alias", "kb-live"),
                "headers", Map.of("Authorization", "hidden"))));

        assertThat(description).isEqualTo("Webhook: POST https://kb.example/rollback?… with {\"alias\":\"kb-live\"}");
    }
}
