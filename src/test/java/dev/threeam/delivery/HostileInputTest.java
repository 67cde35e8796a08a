package dev.threeam.delivery;

import static dev.threeam.delivery.Alerts.SUPPORT_CHANNEL;
import static dev.threeam.delivery.Alerts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.sandbox.SandboxCall;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies too big, too deep or too long are refused clearly; text from alerts and changes can never ping or link. */
class HostileInputTest {

    static final List<String> NASTY = List.of(
            "<!channel>", "<!here>", "<!everyone>", "<@U024BE7LH>", "<!subteam^S123>", "<!subteam^S123|@oncall>",
            "<https://evil.example|click me>", "<http://evil.example>", "@here", "@channel", "@everyone",
            "&lt;!channel&gt;", "&amp;lt;!here&amp;gt;", "\u200B<!channel>\u200B", "<\u200E!here>", "\u202E<!everyone>\u202C",
            "*bold* _it_ ~s~ `code` ```block```", "🔥🚨 <!here> 🔥", "x".repeat(50_000), "🔥".repeat(25_000),
            "a".repeat(2999) + "🔥<!channel>", "&".repeat(5000) + "<!here>");

    /** What must never reach Slack from outside text: a broadcast, a user or group mention, a link to the attacker. */
    static final Pattern FORBIDDEN = Pattern.compile("<!channel|<!here|<!everyone|<@U024BE7LH|<!subteam\\^S123|<[^>]*evil\\.example");
    static final Pattern BARE_BROADCAST = Pattern.compile("(?<![\\w\u200B])@(here|channel|everyone)\\b");

    @TempDir
    Path dir;
    FakeSlack slack;
    TestApp app;

    @BeforeEach
    void start() {
        slack = new FakeSlack(Map.of("S0HELPDESK", List.of("U0ONCALL")));
        app = TestApp.start(TestApp.settings(slack, dir));
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    void bodies_over_one_mebibyte_are_refused_with_413_on_every_route_even_without_a_content_length() {
        String huge = "{\"title\":\"" + "x".repeat(1_100_000) + "\"}";
        for (String path : List.of("/alerts", "/alerts/alertmanager", "/alerts/grafana", "/alerts/datadog", "/alerts/langsmith",
                "/changes", "/changes/langfuse", "/api/drills")) {
            assertThat(app.post(path, huge).statusCode()).as(path).isEqualTo(413);
        }
        HttpResponse<String> chunked = app.send(HttpRequest.newBuilder(URI.create(app.url("/alerts")))
                .header("Authorization", "Bearer " + TestApp.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(json(app.get("/api/incidents"))).isEmpty();
    }

    @Test
    void deep_nesting_is_refused_with_a_clear_error() {
        String deep = "{\"title\":\"x\",\"labels\":{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}}";
        for (String path : List.of("/alerts", "/alerts/alertmanager", "/changes")) {
            HttpResponse<String> response = app.post(path, deep);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(json(response).get("error").asText()).as(path).containsIgnoringCase("nesting").contains("32");
        }
        assertThat(json(app.get("/api/incidents"))).isEmpty();
    }

    @Test
    void huge_arrays_are_refused_with_a_clear_error() {
        String many = "[" + String.join(",", java.util.Collections.nCopies(5000, "{\"title\":\"x\"}")) + "]";
        HttpResponse<String> alerts = app.post("/alerts", many);
        assertThat(alerts.statusCode()).isEqualTo(400);
        assertThat(json(alerts).get("error").asText()).contains("5000").contains("1000");
        String manager = "{\"version\":\"4\",\"status\":\"firing\",\"groupKey\":\"k\",\"alerts\":["
                + String.join(",", java.util.Collections.nCopies(5000, "{\"status\":\"firing\",\"labels\":{\"alertname\":\"A\"}}")) + "]}";
        HttpResponse<String> alertmanager = app.post("/alerts/alertmanager", manager);
        assertThat(alertmanager.statusCode()).isEqualTo(400);
        assertThat(json(alertmanager).get("error").asText()).contains("alerts").contains("1000");
        String changes = "[" + String.join(",", java.util.Collections.nCopies(5000,
                "{\"workflow\":\"support-chat\",\"kind\":\"prompt\",\"summary\":\"s\"}")) + "]";
        HttpResponse<String> changeResponse = app.post("/changes", changes);
        assertThat(changeResponse.statusCode()).isEqualTo(400);
        assertThat(json(changeResponse).get("error").asText()).contains("1000");
        assertThat(json(app.get("/api/incidents"))).isEmpty();
    }

    @Test
    void unknown_fields_are_ignored() {
        HttpResponse<String> alert = app.post("/alerts", "{\"title\":\"Faithfulness low\",\"workflow\":\"support-chat\",\"from_the_future\":{\"x\":[1,2]},\"v\":2}");
        assertThat(alert.statusCode()).isEqualTo(202);
        HttpResponse<String> change = app.post("/changes", "{\"workflow\":\"support-chat\",\"kind\":\"prompt\",\"summary\":\"v42\",\"extra\":true}");
        assertThat(change.statusCode()).isEqualTo(201);
    }

    @Test
    void nasty_text_in_alerts_and_changes_never_mentions_anyone_never_links_and_is_never_refused_by_slack() throws Exception {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (int i = 0; i < NASTY.size(); i++) {
            changes.add(Map.of("workflow", "support-chat", "kind", i % 2 == 0 ? "prompt" : "model_route", "summary", NASTY.get(i),
                    "author", NASTY.get((i + 1) % NASTY.size()), "from", NASTY.get((i + 2) % NASTY.size()), "to", "v" + i));
        }
        assertThat(app.post("/changes", Json.write(changes)).statusCode()).isEqualTo(201);
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        for (int i = 0; i < NASTY.size(); i++) {
            labels.put("l" + i, NASTY.get(i));
            annotations.put(i == 0 ? "summary" : "a" + i, NASTY.get(i));
        }
        List<Map<String, Object>> alerts = new ArrayList<>();
        alerts.add(Map.of("workflow", "support-chat", "group_key", "nasty", "title", String.join(" ", NASTY.subList(0, 17)),
                "labels", labels, "annotations", annotations, "severity", "critical"));
        for (int i = 0; i < NASTY.size(); i++) {
            alerts.add(Map.of("workflow", "support-chat", "group_key", "nasty", "fingerprint", "fp" + i, "title", NASTY.get(i),
                    "labels", Map.of("metric", NASTY.get(i)), "annotations", Map.of("description", NASTY.get(i))));
        }
        assertThat(app.post("/alerts", Json.write(alerts)).statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> Alerts.delivered(slack, SUPPORT_CHANNEL, 1)
                && json(app.get("/readyz")).get("outbox_pending").asLong() == 0);

        assertThat(json(app.get("/readyz")).get("outbox_failed").asLong()).isZero();
        assertThat(app.get("/metrics").body()).doesNotContainPattern("threeam_slack_calls_total\\{method=\"chat\\.[a-zA-Z]+\",outcome=\"(?!ok\")");
        List<String> texts = new ArrayList<>();
        for (String method : List.of("chat.postMessage", "chat.update")) {
            for (SandboxCall call : slack.calls(method)) {
                texts.add(call.param("text"));
                if (call.param("blocks") != null) {
                    collect(Json.mapper().readTree(call.param("blocks")), texts);
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(20);
        for (String text : texts) {
            assertThat(text).doesNotContainPattern(FORBIDDEN).doesNotContainPattern(BARE_BROADCAST);
            assertThat(unpairedSurrogate(text)).as("no broken emoji in %s", text.length() > 80 ? text.substring(0, 80) : text).isFalse();
        }
    }

    /** Every string Slack would parse as mrkdwn; plain_text objects are shown as typed (they cannot mention or link). */
    private static void collect(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        if (node.path("type").asText().equals("plain_text")) {
            return;
        }
        node.elements().forEachRemaining(child -> collect(child, texts));
    }

    private static boolean unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }
}
