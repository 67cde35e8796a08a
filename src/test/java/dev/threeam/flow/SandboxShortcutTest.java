package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.SandboxPageClient;
import dev.threeam.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 in the sandbox: runbook channels by name, a person's own message, and "Declare AI incident" in its menu,
 * through the page's endpoints into the real bot, with the modal's selects.
 */
class SandboxShortcutTest {

    private static final String ON_CALL = "U0ONCALL";

    @TempDir
    Path dir;

    @Test
    void a_message_posted_on_the_page_is_declared_from_its_menu_into_the_runbooks_channel() throws Exception {
        try (FakeSlack unused = new FakeSlack(Map.of())) {
            Map<String, String> settings = new HashMap<>(TestApp.settings(unused, dir));
            settings.keySet().removeAll(List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL", "WEBHOOK_TOKEN"));
            try (TestApp app = TestApp.start(settings)) {
                SandboxPageClient page = new SandboxPageClient(app.url(""));

                JsonNode state = state(page);
                assertThat(channelNamed(state, "support-chat").path("id").asText()).isEqualTo("C0SUPPORTCHAT");
                assertThat(state.path("shortcuts").toString()).contains("declare_incident").contains("Declare AI incident");

                JsonNode said = post(page, "/sandbox/say", Map.of("as", ON_CALL, "channel", "C0INCIDENTS",
                        "text", "helpdesk-bot cites last year's refund policy since this morning"));
                String ts = said.path("ts").asText();
                JsonNode opened = post(page, "/sandbox/shortcut", Map.of("as", ON_CALL, "channel", "C0INCIDENTS", "ts", ts,
                        "callback_id", "declare_incident"));
                assertThat(opened.path("ok").asBoolean()).as(opened.toString()).isTrue();

                JsonNode modal = await().atMost(Duration.ofSeconds(10)).until(() -> state(page).path("modals"), modals -> modals.size() == 1).get(0);
                assertThat(modal.toString()).contains("static_select").contains("\"initial_option\"").contains("support-chat");
                JsonNode submitted = post(page, "/sandbox/views/submit", Map.of("as", ON_CALL, "view_id", modal.path("id").asText(),
                        "values", Map.of("title", Map.of("value", "Refund answers cite last year's policy"),
                                "workflow", Map.of("value", "support-chat"), "failure_type", Map.of("value", "retrieval_failure"))));
                assertThat(submitted.path("closed").asBoolean()).as(submitted.toString()).isTrue();

                await().atMost(Duration.ofSeconds(20)).until(() -> channelNamed(state(page), "support-chat").path("messages").size() == 1);
                JsonNode card = channelNamed(state(page), "support-chat").path("messages").get(0);
                assertThat(card.toString()).contains("Refund answers cite last year").contains("retrieval_failure");
                await().atMost(Duration.ofSeconds(20)).until(() -> channelNamed(state(page), "incidents").path("messages").get(0)
                        .path("replies").toString().contains("Declared as"));
                JsonNode mine = channelNamed(state(page), "incidents").path("messages").get(0);
                assertThat(mine.path("user").asText()).isEqualTo(ON_CALL);
                assertThat(mine.has("bot_id")).isFalse();
            }
        }
    }

    @Test
    void a_bad_modal_choice_is_answered_on_its_field_and_the_modal_stays_open() throws Exception {
        try (FakeSlack unused = new FakeSlack(Map.of())) {
            Map<String, String> settings = new HashMap<>(TestApp.settings(unused, dir));
            settings.keySet().removeAll(List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL", "WEBHOOK_TOKEN"));
            try (TestApp app = TestApp.start(settings)) {
                SandboxPageClient page = new SandboxPageClient(app.url(""));
                String ts = post(page, "/sandbox/say", Map.of("as", ON_CALL, "text", "chat-frontdoor is slow")).path("ts").asText();
                post(page, "/sandbox/shortcut", Map.of("as", ON_CALL, "channel", "C0INCIDENTS", "ts", ts, "callback_id", "declare_incident"));
                JsonNode modal = await().atMost(Duration.ofSeconds(10)).until(() -> state(page).path("modals"), modals -> modals.size() == 1).get(0);

                JsonNode answer = post(page, "/sandbox/views/submit", Map.of("as", ON_CALL, "view_id", modal.path("id").asText(),
                        "values", Map.of("title", Map.of("value", "Slow"), "workflow", Map.of("value", "support-chat"),
                                "failure_type", Map.of("value", "not-a-type"))));

                assertThat(answer.path("closed").asBoolean()).isFalse();
                assertThat(answer.path("errors").path("failure_type").asText()).contains("Pick a failure type");
                assertThat(state(page).path("modals")).hasSize(1);
            }
        }
    }

    private static JsonNode state(SandboxPageClient page) throws Exception {
        return Json.mapper().readTree(page.get("/sandbox/state?as=" + ON_CALL).body());
    }

    private static JsonNode channelNamed(JsonNode state, String name) {
        for (JsonNode channel : state.path("channels")) {
            if (channel.path("name").asText().equals(name)) {
                return channel;
            }
        }
        throw new AssertionError("no channel " + name + " in " + state.path("channels"));
    }

    private static JsonNode post(SandboxPageClient page, String path, Map<String, Object> body) throws Exception {
        return Json.mapper().readTree(page.post(path, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body)).body());
    }
}
