package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.sandbox.SandboxWorkspace;
import dev.threeam.testing.SandboxPageClient;
import dev.threeam.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22.1 in sandbox mode: the select shows for an Alertmanager incident; choosing shows the would-be silence, calls nothing. */
class SandboxSilenceTest {

    @TempDir
    Path dir;

    @Test
    void choosing_a_silence_in_the_sandbox_shows_the_would_be_call_and_calls_nothing() throws Exception {
        Map<String, String> sandbox = Map.of("PORT", "0", "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sandbox.db"),
                "RUNBOOKS_DIR", TestApp.runbooks(dir).toString(), "CARD_UPDATE_INTERVAL", "0s");
        try (TestApp app = TestApp.start(sandbox)) {
            SandboxWorkspace workspace = app.app().sandbox().workspace();
            HttpResponse<String> fired = app.post("/alerts/alertmanager", SilenceRefusalsTest.alertmanagerWebhook("ChatLatencyHigh"));
            assertThat(fired.statusCode()).as(fired.body()).isEqualTo(202);
            String id = Json.mapper().readTree(fired.body()).get("incidents").get(0).asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> card(workspace, id) != null && actionIds(card(workspace, id)).contains("silence"));
            SandboxMessage card = card(workspace, id);
            SandboxPageClient page = new SandboxPageClient(app.url(""));

            HttpResponse<String> refused = page.post("/sandbox/actions", Json.write(Map.of("as", "U0ONCALL", "container", "message",
                    "channel", card.channel(), "ts", card.ts(), "block_id", "card", "action_id", "silence", "selected", id + "|9h")));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("no option");

            HttpResponse<String> chosen = page.post("/sandbox/actions", Json.write(Map.of("as", "U0ONCALL", "container", "message",
                    "channel", card.channel(), "ts", card.ts(), "block_id", "card", "action_id", "silence", "selected", id + "|2h")));
            assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(workspace.replies(card.channel(), card.ts()))
                    .anySatisfy(reply -> assertThat(reply.text()).contains("Sandbox").contains("would silence at the source")
                            .contains("POST ${ALERTMANAGER_URL}/api/v2/silences").contains("ChatLatencyHigh").contains("Nothing was called")));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(allText(card(workspace, id))).contains("silence 2h: would_have"));
        }
    }

    @Test
    void a_route_that_groups_by_nothing_silences_on_the_labels_all_its_alerts_share() throws Exception {
        Map<String, String> sandbox = Map.of("PORT", "0", "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sandbox.db"),
                "RUNBOOKS_DIR", TestApp.runbooks(dir).toString(), "CARD_UPDATE_INTERVAL", "0s");
        try (TestApp app = TestApp.start(sandbox)) {
            SandboxWorkspace workspace = app.app().sandbox().workspace();
            Map<String, String> pod1 = Map.of("alertname", "ChatLatencyHigh", "workflow", "helpdesk-bot", "pod", "chat-1");
            Map<String, String> pod2 = Map.of("alertname", "ChatLatencyHigh", "workflow", "helpdesk-bot", "pod", "chat-2");
            String webhook = Json.write(Map.of("version", "4", "status", "firing", "receiver", "threeam", "groupKey", "{}:{}",
                    "groupLabels", Map.of(), "commonLabels", Map.of("alertname", "ChatLatencyHigh", "workflow", "helpdesk-bot"),
                    "commonAnnotations", Map.of(), "externalURL", "http://alertmanager:9093",
                    "alerts", List.of(Map.of("status", "firing", "labels", pod1, "annotations", Map.of(), "fingerprint", "fp-1"),
                            Map.of("status", "firing", "labels", pod2, "annotations", Map.of(), "fingerprint", "fp-2"))));
            String id = Json.mapper().readTree(app.post("/alerts/alertmanager", webhook).body()).get("incidents").get(0).asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> card(workspace, id) != null && actionIds(card(workspace, id)).contains("silence"));
            SandboxMessage card = card(workspace, id);

            new SandboxPageClient(app.url("")).post("/sandbox/actions", Json.write(Map.of("as", "U0ONCALL", "container", "message",
                    "channel", card.channel(), "ts", card.ts(), "block_id", "card", "action_id", "silence", "selected", id + "|30m")));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(workspace.replies(card.channel(), card.ts()))
                    .anySatisfy(reply -> assertThat(reply.text()).contains("would silence at the source")
                            .contains("{\"name\":\"alertname\",\"value\":\"ChatLatencyHigh\"").contains("{\"name\":\"workflow\",\"value\":\"helpdesk-bot\"")
                            .doesNotContain("\"name\":\"pod\"")));
        }
    }

    private static SandboxMessage card(SandboxWorkspace workspace, String id) {
        return workspace.channels().stream().flatMap(channel -> workspace.topLevel(channel.id()).stream())
                .filter(message -> message.text() != null && message.text().startsWith(id + " ")).findFirst().orElse(null);
    }

    private static List<String> actionIds(SandboxMessage message) {
        List<String> ids = new java.util.ArrayList<>();
        message.blocks().forEach(block -> block.path("elements").forEach(element -> ids.add(element.path("action_id").asText())));
        return ids;
    }

    private static String allText(SandboxMessage message) {
        StringBuilder text = new StringBuilder(message.text());
        ThreadFlow.collectText(message.blocks(), text);
        return text.toString();
    }
}
