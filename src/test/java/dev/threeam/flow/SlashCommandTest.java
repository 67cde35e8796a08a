package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 6: {@code /ai-incident help | status | open | resolve | reload}; answers go only to the person who typed. */
class SlashCommandTest extends ThreadFlow {

    @Test
    void help_lists_every_subcommand_and_is_private() {
        HttpResponse<String> response = app.command(ONCALL, SUPPORT, "help");

        JsonNode answer = json(response);
        assertThat(answer.path("response_type").asText("ephemeral")).isEqualTo("ephemeral");
        assertThat(answer.get("text").asText()).contains("/ai-incident").contains("`status`").contains("`open <workflow> <title>`")
                .contains("`resolve [INC-n]`").contains("`reload`").contains("`help`");
        assertThat(command(ONCALL, SUPPORT, "")).isEqualTo(answer.get("text").asText());
    }

    @Test
    void an_unknown_subcommand_answers_with_help_and_cannot_ping_anyone() {
        String answer = command(ONCALL, SUPPORT, "<!channel> please");

        assertThat(answer).contains("Unknown subcommand").contains("`status`").doesNotContain("<!channel>");
        assertThat(posts()).isEmpty();
    }

    @Test
    void status_says_what_a_manager_asks_first() {
        assertThat(command(ONCALL, SUPPORT, "status")).contains("No open incidents");
        String id = fire("retrieval_failure", "recall@5 0.38 < 0.7");
        press(ONCALL, id, "card", "ack");
        press(ONCALL, id, "q1", "q1_retrieval_failure");
        settled();

        String status = command(ONCALL, SUPPORT, "status");

        assertThat(status).contains("1 open incident").contains(id).contains("retrieval_failure").contains("recall@5 0.38")
                .contains("acknowledged by <@U0ONCALL>").contains("owner engineering").contains("1/5 answered").contains("open ");
    }

    @Test
    void open_declares_an_incident_by_hand_with_the_same_thread_an_alert_gets() {
        String answer = command(ONCALL, SUPPORT, "open helpdesk-bot Answers cite the wrong refund policy");

        assertThat(answer).contains("Opened *INC-1*").contains("support-chat");
        eventually().until(() -> ts("INC-1") != null && replies("INC-1").size() == 7);
        JsonNode incident = incident("INC-1");
        assertThat(incident.get("workflow").asText()).isEqualTo("support-chat");
        assertThat(incident.get("title").asText()).isEqualTo("Answers cite the wrong refund policy");
        assertThat(incident.get("slack").get("channel").asText()).isEqualTo(SUPPORT);
        assertThat(allText(card("INC-1"))).contains("Answers cite the wrong refund policy");
        assertThat(replies("INC-1").stream().flatMap(reply -> blockIds(reply).stream()))
                .contains("q1", "q2", "q3", "q4", "q5");
        assertThat(command(ONCALL, SUPPORT, "open support-chat")).contains("Usage");
    }

    @Test
    void resolve_without_an_id_takes_the_only_open_incident_of_the_channel_and_asks_which_when_there_are_two() {
        assertThat(command(ONCALL, SUPPORT, "resolve")).contains("no open incident in this channel");
        String first = fire("latency_failure", "p95 latency 7 s");
        String second = fire("cost_failure", "spend 180 USD/day");

        String which = command(ONCALL, SUPPORT, "resolve");
        assertThat(which).contains("Which one?").contains(first).contains(second);
        assertThat(incident(first).get("status").asText()).isEqualTo("triggered");
        assertThat(command(ONCALL, "C0ELSEWHERE", "resolve")).contains("no open incident in this channel");

        assertThat(command(ONCALL, SUPPORT, "resolve " + first)).contains(first + " resolved");
        String only = command(ONCALL, SUPPORT, "resolve");

        assertThat(only).contains(second + " resolved");
        assertThat(incident(second).get("status").asText()).isEqualTo("resolved");
        assertThat(timeline(second)).anySatisfy(text -> assertThat(text).startsWith("Resolved by <@U0ONCALL>"));
        assertThat(allText(card(second))).contains("resolved");
        assertThat(command(ONCALL, SUPPORT, "resolve INC-99")).contains("There is no incident INC-99");
    }

    @Test
    void reload_rereads_the_runbooks_and_says_what_it_loaded() throws Exception {
        Path runbook = TestApp.runbooks(dir).resolve("support-chat.md");
        Files.writeString(runbook, Files.readString(runbook).replace("Refunds above 200 EUR are never promised",
                "Refunds above 50 EUR are never promised"));

        String answer = command(ONCALL, SUPPORT, "reload");

        assertThat(answer).contains("3 runbooks loaded");
        String id = fire("tool_failure", "lookup_order timeouts 40%");
        assertThat(allText(replies(id).get(1))).contains("Refunds above 50 EUR");
    }
}
