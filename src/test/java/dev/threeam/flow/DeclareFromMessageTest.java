package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threeam.sandbox.SandboxMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 22: "Declare AI incident" on any message, through Slack's message shortcut and its modal. */
class DeclareFromMessageTest extends ThreadFlow {

    private static final String CHATTER = "C0RANDOMCHAT";
    private static final String MESSAGE_TS = "1764300000.000100";

    @Test
    void the_shortcut_opens_a_modal_prefilled_from_the_message() {
        shortcut(CHATTER, MESSAGE_TS, "helpdesk-bot answers cite the wrong policy document\nsince the index rebuild at 10:00");

        JsonNode view = lastView();
        assertThat(view.path("callback_id").asText()).isEqualTo("declare_incident");
        assertThat(input(view, "title").path("element").path("initial_value").asText())
                .isEqualTo("helpdesk-bot answers cite the wrong policy document");
        assertThat(input(view, "workflow").path("element").path("initial_option").path("value").asText()).isEqualTo("support-chat");
        assertThat(input(view, "failure_type").path("element").path("initial_option").path("value").asText()).isNotBlank();
        assertThat(view.toString()).contains("helpdesk-bot, an alias of support-chat");
    }

    @Test
    void submitting_opens_the_incident_in_the_runbooks_channel_linked_both_ways() {
        shortcut(CHATTER, MESSAGE_TS, "helpdesk-bot answers cite the wrong policy document");
        JsonNode view = lastView();

        HttpResponse<String> response = app.interaction(submission(view, "Answers cite the wrong policy", "support-chat", "retrieval_failure"));
        assertThat(response.statusCode()).isEqualTo(200);
        settled();

        String id = incidentIds().get(0);
        JsonNode incident = incident(id);
        assertThat(incident.path("title").asText()).isEqualTo("Answers cite the wrong policy");
        assertThat(incident.path("workflow").asText()).isEqualTo("support-chat");
        assertThat(incident.path("failure_type").asText()).isEqualTo("retrieval_failure");
        assertThat(channel(id)).isEqualTo(SUPPORT);
        String permalink = "https://sandbox.slack.com/archives/" + CHATTER + "/p" + MESSAGE_TS.replace(".", "");
        eventually().until(() -> replies(id).stream().anyMatch(reply -> reply.text().contains(permalink)));
        eventually().until(() -> !slack.replies(CHATTER, MESSAGE_TS).isEmpty());
        SandboxMessage answer = slack.replies(CHATTER, MESSAGE_TS).get(0);
        assertThat(answer.text()).contains("Declared as *" + id + "*").contains("<@" + ONCALL + ">")
                .contains("https://sandbox.slack.com/archives/" + SUPPORT + "/p" + ts(id).replace(".", ""));
        assertThat(replies(id)).hasSizeGreaterThanOrEqualTo(7); // the normal thread: changes, runbook, the five questions
    }

    @Test
    void a_bad_submission_names_the_field_and_opens_nothing() throws Exception {
        shortcut(CHATTER, MESSAGE_TS, "helpdesk-bot answers cite the wrong policy document");
        JsonNode view = lastView();

        HttpResponse<String> blank = app.interaction(submission(view, "  ", "support-chat", "retrieval_failure"));
        HttpResponse<String> unknown = app.interaction(submission(view, "Wrong policy", "no-such-workflow", "retrieval_failure"));
        HttpResponse<String> badType = app.interaction(submission(view, "Wrong policy", "support-chat", "gremlins"));

        assertThat(new ObjectMapper().readTree(blank.body()).path("response_action").asText()).isEqualTo("errors");
        assertThat(new ObjectMapper().readTree(blank.body()).path("errors").path("title").asText()).contains("title");
        assertThat(new ObjectMapper().readTree(unknown.body()).path("errors").path("workflow").asText()).contains("no-such-workflow");
        assertThat(new ObjectMapper().readTree(badType.body()).path("errors").path("failure_type").asText()).contains("retrieval_failure");
        assertThat(incidentIds()).isEmpty();
    }

    @Test
    void a_message_without_text_is_refused_in_the_modal_saying_why() {
        shortcut(CHATTER, MESSAGE_TS, "");

        JsonNode view = lastView();
        assertThat(view.has("submit")).isFalse();
        assertThat(view.toString()).contains("no text 3am can read");
        assertThat(incidentIds()).isEmpty();
    }

    @Test
    void a_message_in_a_channel_the_bot_cannot_read_is_refused_in_the_modal_saying_why() {
        slack.errorNext("conversations.info", "channel_not_found");

        shortcut("G0SECRETROOM", MESSAGE_TS, "helpdesk-bot answers cite the wrong policy document");

        JsonNode view = lastView();
        assertThat(view.has("submit")).isFalse();
        assertThat(view.toString()).contains("channel_not_found").contains("/invite @3am");
        assertThat(incidentIds()).isEmpty();
    }

    // ---- Slack's payloads

    private void shortcut(String channel, String ts, String text) {
        String payload = json(Map.of(
                "type", "message_action",
                "callback_id", "declare_incident",
                "trigger_id", slack.workspace().views().issueTrigger(ONCALL),
                "message_ts", ts,
                "response_url", "https://hooks.slack.com/app/T0/1/x",
                "team", Map.of("id", "T0SANDBOX", "domain", "sandbox"),
                "channel", Map.of("id", channel, "name", "random"),
                "user", Map.of("id", ONCALL, "name", "oncall", "team_id", "T0SANDBOX"),
                "message", Map.of("type", "message", "user", "U0ALICE", "ts", ts, "text", text),
                "token", "x"));
        HttpResponse<String> response = app.interaction(payload);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String submission(JsonNode view, String title, String workflow, String failureType) {
        return json(Map.of(
                "type", "view_submission",
                "user", Map.of("id", ONCALL, "username", "oncall", "name", "oncall", "team_id", "T0SANDBOX"),
                "api_app_id", "A0THREEAM",
                "token", "x",
                "team", Map.of("id", "T0SANDBOX", "domain", "sandbox"),
                "view", Map.of("id", "V1", "type", "modal", "callback_id", "declare_incident",
                        "private_metadata", view.path("private_metadata").asText(),
                        "state", Map.of("values", Map.of(
                                "title", Map.of("value", Map.of("type", "plain_text_input", "value", title)),
                                "workflow", Map.of("value", Map.of("type", "static_select", "selected_option",
                                        Map.of("value", workflow, "text", Map.of("type", "plain_text", "text", workflow)))),
                                "failure_type", Map.of("value", Map.of("type", "static_select", "selected_option",
                                        Map.of("value", failureType, "text", Map.of("type", "plain_text", "text", failureType)))))))));
    }

    private JsonNode lastView() {
        eventually().until(() -> !slack.calls("views.open").isEmpty());
        List<dev.threeam.sandbox.SandboxCall> opened = slack.calls("views.open");
        return read(opened.get(opened.size() - 1).param("view"));
    }

    private static JsonNode input(JsonNode view, String blockId) {
        for (JsonNode block : view.path("blocks")) {
            if (block.path("block_id").asText().equals(blockId)) {
                return block;
            }
        }
        throw new AssertionError("no block " + blockId + " in " + view);
    }

    private List<String> incidentIds() {
        List<String> ids = new java.util.ArrayList<>();
        json(app.get("/api/incidents")).forEach(incident -> ids.add(incident.path("id").asText()));
        return ids;
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
