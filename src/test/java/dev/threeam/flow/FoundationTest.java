package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.Payloads;
import dev.threeam.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoundationTest {

    static final String SUPPORT_CHANNEL = "C0SUPPORTCHAT";

    @TempDir
    Path dir;
    FakeSlack slack;
    TestApp app;

    @BeforeEach
    void start() {
        slack = new FakeSlack(Map.of("S0HELPDESK", List.of("U0ONCALL")));
        app = TestApp.start(settings(TestApp.settings(slack, dir)));
    }

    /** The database this run uses; the PostgreSQL subclass swaps it. */
    Map<String, String> settings(Map<String, String> sqlite) {
        return sqlite;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        slack.close();
    }

    static String alertmanager(String groupStatus, String... alerts) {
        return """
                {"version":"4","status":"%s","receiver":"3am","groupKey":"{}:{alertname=\\"RagRecallLow\\"}",
                 "groupLabels":{"alertname":"RagRecallLow"},"commonLabels":{"service":"helpdesk-bot"},"commonAnnotations":{},
                 "externalURL":"http://am","truncatedAlerts":0,"alerts":[%s]}""".formatted(groupStatus, String.join(",", alerts));
    }

    static String alert(String status, String fingerprint) {
        return """
                {"status":"%s","fingerprint":"%s","labels":{"alertname":"RagRecallLow","service":"helpdesk-bot","severity":"critical","pod":"%s"},
                 "annotations":{"summary":"recall@5 0.41 < 0.7 on help-center retrieval"},"startsAt":"2026-11-28T02:00:00Z",
                 "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prom"}""".formatted(status, fingerprint, fingerprint);
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    List<SandboxMessage> cards() {
        return slack.topLevel(SUPPORT_CHANNEL);
    }

    @Test
    void an_alertmanager_payload_becomes_one_incident_and_one_card_in_the_runbooks_channel() throws Exception {
        HttpResponse<String> response = app.post("/alerts/alertmanager", alertmanager("firing", alert("firing", "aaaa000000000001")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(1);
        assertThat(json(response).get("incidents").get(0).asText()).isEqualTo("INC-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> cards().size() == 1 && slack.replies(SUPPORT_CHANNEL, cards().get(0).ts()).size() >= 7);
        SandboxMessage card = cards().get(0);
        assertThat(card.text()).contains("INC-1").contains("retrieval_failure");
        JsonNode incident = json(app.get("/api/incidents/INC-1"));
        assertThat(incident.get("workflow").asText()).isEqualTo("support-chat");
        assertThat(incident.get("slack").get("channel").asText()).isEqualTo(SUPPORT_CHANNEL);
        assertThat(incident.get("slack").get("ts").asText()).isEqualTo(card.ts());
        assertThat(incident.get("timeline").get(0).get("text").asText()).startsWith("Opened from alertmanager alert");
    }

    @Test
    void a_repeated_payload_joins_the_open_incident_without_posting_again() throws Exception {
        String payload = alertmanager("firing", alert("firing", "aaaa000000000002"));
        app.post("/alerts/alertmanager", payload);
        await().atMost(Duration.ofSeconds(10)).until(() -> cards().size() == 1);

        HttpResponse<String> again = app.post("/alerts/alertmanager", payload);

        assertThat(json(again).get("incidents").get(0).asText()).isEqualTo("INC-1");
        JsonNode incident = json(app.get("/api/incidents/INC-1"));
        assertThat(incident.get("alert_count").asInt()).isEqualTo(2);
        assertThat(incident.get("alerts")).hasSize(1);
        assertThat(incident.get("alerts").get(0).get("count").asInt()).isEqualTo(2);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.update").size() >= 1);
        assertThat(cards()).hasSize(1);
        assertThat(json(app.get("/api/incidents")).size()).isEqualTo(1);
    }

    @Test
    void a_group_firing_at_the_top_with_resolved_alerts_inside_is_decided_per_alert() throws Exception {
        app.post("/alerts/alertmanager", alertmanager("firing", alert("firing", "aaaa000000000003"), alert("firing", "aaaa000000000004")));

        HttpResponse<String> mixed = app.post("/alerts/alertmanager",
                alertmanager("firing", alert("resolved", "aaaa000000000003"), alert("firing", "aaaa000000000004")));

        assertThat(mixed.statusCode()).isEqualTo(202);
        JsonNode incident = json(app.get("/api/incidents/INC-1"));
        assertThat(incident.get("status").asText()).isEqualTo("triggered");
        Map<String, String> statuses = new java.util.HashMap<>();
        incident.get("alerts").forEach(alert -> statuses.put(alert.get("fingerprint").asText(), alert.get("status").asText()));
        assertThat(statuses).containsEntry("aaaa000000000003", "resolved").containsEntry("aaaa000000000004", "firing");
    }

    @Test
    void a_resolve_for_an_alert_never_seen_is_accepted_and_opens_nothing() throws Exception {
        HttpResponse<String> response = app.post("/alerts/alertmanager", alertmanager("resolved", alert("resolved", "bbbb000000000001")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("accepted").asInt()).isEqualTo(1);
        assertThat(json(response).get("incidents")).isEmpty();
        assertThat(json(app.get("/api/incidents")).size()).isZero();
    }

    @Test
    void a_signed_button_press_reaches_its_handler_and_a_badly_signed_one_gets_401() throws Exception {
        app.post("/alerts/alertmanager", alertmanager("firing", alert("firing", "aaaa000000000005")));
        await().atMost(Duration.ofSeconds(10)).until(() -> cards().size() == 1);
        String press = Payloads.buttonPress("U0ONCALL", SUPPORT_CHANNEL, cards().get(0).ts(), null, "card", "ack", "INC-1|ack", "Acknowledge");

        HttpResponse<String> forged = app.send(HttpRequest.newBuilder(URI.create(app.url("/slack/events")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", String.valueOf(System.currentTimeMillis() / 1000))
                .header("X-Slack-Signature", "v0=0000")
                .POST(HttpRequest.BodyPublishers.ofString("payload=" + press)).build());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json(app.get("/api/incidents/INC-1")).get("status").asText()).isEqualTo("triggered");

        HttpResponse<String> signed = app.interaction(press);

        assertThat(signed.statusCode()).isEqualTo(200);
        JsonNode incident = json(app.get("/api/incidents/INC-1"));
        assertThat(incident.get("status").asText()).isEqualTo("acknowledged");
        assertThat(incident.get("acknowledged_by").asText()).isEqualTo("U0ONCALL");
    }

    @Test
    void bad_inputs_get_a_clear_error_and_change_nothing() throws Exception {
        assertThat(app.post("/alerts", "{not json").statusCode()).isEqualTo(400);
        HttpResponse<String> missingTitle = app.post("/alerts", "[{\"title\":\"ok\"},{\"workflow\":\"support-chat\"}]");
        assertThat(missingTitle.statusCode()).isEqualTo(400);
        assertThat(json(missingTitle).get("error").asText()).contains("[1]").contains("title");
        HttpResponse<String> wrongType = app.post("/alerts", "{\"title\":\"x\",\"labels\":\"nope\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("error").asText()).contains("labels");
        String huge = "{\"title\":\"" + "x".repeat(1_100_000) + "\"}";
        assertThat(app.post("/alerts", huge).statusCode()).isEqualTo(413);
        HttpResponse<String> noToken = app.send(HttpRequest.newBuilder(URI.create(app.url("/alerts")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")).build());
        assertThat(noToken.statusCode()).isEqualTo(401);

        assertThat(json(app.get("/api/incidents")).size()).isZero();
    }

    @Test
    void the_sandbox_answers_with_no_settings_at_all() throws Exception {
        Map<String, String> nothing = Map.of("PORT", "0", "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sandbox.db"),
                "RUNBOOKS_DIR", TestApp.runbooks(dir).toString());
        try (TestApp sandbox = TestApp.start(nothing)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(sandbox.url("/sandbox"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            HttpResponse<String> alert = http.send(HttpRequest.newBuilder(URI.create(sandbox.url("/alerts")))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Faithfulness 0.71 < 0.85\",\"workflow\":\"nowhere\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(alert.statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> !sandbox.app().sandbox().workspace().topLevel("C0INCIDENTS").isEmpty());
        }
    }
}
