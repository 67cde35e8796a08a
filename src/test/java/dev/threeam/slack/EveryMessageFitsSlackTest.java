package dev.threeam.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.flow.ThreadFlow;
import dev.threeam.sandbox.SandboxCall;
import dev.threeam.testing.Payloads;
import dev.threeam.testing.TestApp;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Renders every message and view 3am builds — the card in every state, each question unanswered and answered, the
 * changes, the runbook section, notices (with and without Retry), paging, the Q5 modal, the App Home, private
 * answers — from hostile alert, change and runbook content, and checks each against Slack's Block Kit limits and
 * against producing any mention or link that did not come from 3am itself.
 */
class EveryMessageFitsSlackTest extends ThreadFlow {

    /** Everything Slack would turn into a ping or a link, and characters that need escaping. */
    static final String HOSTILE = "<!channel> <@U123> <http://evil.example|click> @here @channel <!here> <!everyone> "
            + "<!subteam^S0EVIL> <#C0SECRET> & &amp; &lt; > < 🔥💥 *bold* _it_ `code` ~x~ ";
    static final String STRESS_CHANNEL = "C0STRESS";
    static final Set<String> TRUSTED = Set.of("<@U0ONCALL>", "<@U0REVIEW2>", "<@U0STRANGER>", "<!subteam^S0HELPDESK>");

    @Override
    protected void prepare(Map<String, String> settings) throws Exception {
        Files.writeString(TestApp.runbooks(dir).resolve("stress-bot.md"), stressRunbook());
        settings.put("ACTION_RETRY_FOR", "1s"); // the stress rollbacks call a closed port: give up soon, then press Retry
    }

    /** A runbook at the edge: 30 rollbacks with long labels, huge sections, many long known limits, hostile text. */
    static String stressRunbook() {
        StringBuilder yaml = new StringBuilder("""
                ---
                workflow: stress-bot
                title: "Stress bot %s"
                channel: C0STRESS
                owners:
                  engineering: {slack: [S0HELPDESK]}
                  reviewer: {slack: [U0REVIEW2]}
                escalation:
                  latency_failure: [engineering]
                  provider_outage: [engineering, reviewer]
                  unclassified: [engineering]
                changes_window: 24h
                rollbacks:
                """.formatted(HOSTILE.replace("\"", "").replace("\\", "")));
        for (int i = 0; i < 30; i++) {
            yaml.append("  - id: rollback-number-").append(i).append("-with-a-rather-long-identifier-to-fill-the-action-id\n")
                    .append("    label: \"").append(("Roll back " + i + " ").repeat(12)).append("\"\n")
                    .append("    kind: feature_flag\n")
                    .append("    for: [latency_failure]\n")
                    .append("    webhook: {url: \"http://127.0.0.1:9/rollback/").append(i).append("\", method: POST, body: {n: ").append(i).append("}}\n");
        }
        yaml.append("known_limits:\n");
        for (int i = 0; i < 40; i++) {
            yaml.append("  - \"Limit ").append(i).append(' ').append(HOSTILE.replace("\"", "")).append("x".repeat(150)).append("\"\n");
        }
        yaml.append("---\n# Stress bot\n\n## Latency failure\n").append(("- " + HOSTILE + "step\n").repeat(200))
                .append("\n## Provider outage\n").append(("- " + HOSTILE + "wait\n").repeat(200));
        return yaml.toString();
    }

    @Test
    void every_message_and_view_fits_slack_limits_and_hostile_content_can_never_ping_or_link() {
        String longTitle = "🔥 " + HOSTILE.repeat(30) + "x".repeat(3000) + "🔥";
        for (int i = 0; i < 8; i++) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("workflow", "stress-bot");
            change.put("kind", List.of("prompt", "model_route", "retrieval_index", "tool_schema", "data_source", "feature_flag", "deploy", "prompt").get(i));
            change.put("summary", (i + " " + HOSTILE).repeat(40));
            change.put("from", HOSTILE.repeat(10));
            change.put("to", HOSTILE.repeat(10));
            change.put("author", HOSTILE);
            change.put("url", "https://evil.example/p?a=1&b=%3C!channel%3E&c=" + "q".repeat(1500));
            var recorded = app.post("/changes", Json.write(change));
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        }
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("workflow", "stress-bot");
        alert.put("title", longTitle);
        alert.put("failure_type", "latency_failure");
        alert.put("severity", "critical");
        alert.put("labels", Map.of("service", HOSTILE, "alertname", HOSTILE.repeat(5)));
        alert.put("annotations", Map.of("description", HOSTILE + "y".repeat(100_000), "summary", HOSTILE.repeat(20)));
        String id = fireRaw(Json.write(alert));
        assertThat(channel(id)).isEqualTo(STRESS_CHANNEL);

        // an alert no runbook answers to, with a hostile workflow name: the default channel and the "no runbook" path
        String stray = fireRaw(Json.write(Map.of("workflow", "nowhere " + HOSTILE, "title", HOSTILE.repeat(3), "labels", Map.of("x", HOSTILE))));
        press(ONCALL, stray, "q1", "q1_policy_failure");
        press(OUTSIDER, stray, "q3", "q3_none");

        // every state of the card and every question answered
        press(ONCALL, id, "card", "ack");
        press(ONCALL, id, "q2", actionIds(messageWithBlock(id, "q2").orElseThrow()).get(0));
        press(ONCALL, id, "q3", "rollback_rollback-number-0-with-a-rather-long-identifier-to-fill-the-action-id");
        settled();
        press(ONCALL, id, "retry", "retry_rollback-number-0-with-a-rather-long-identifier-to-fill-the-action-id");
        press(OUTSIDER, id, "q3", "rollback_rollback-number-1-with-a-rather-long-identifier-to-fill-the-action-id");
        press(ONCALL, id, "q1", "q1_provider_outage");
        press(ONCALL, id, "q4", "q4_yes");
        press(ONCALL, id, "card", "page_owner");
        settled();
        press(ONCALL, id, "card", "resolve");
        press(OUTSIDER, id, "card", "approve_resume");
        press(ONCALL, id, "q5", "q5_blocking");
        app.interaction(Payloads.viewSubmission(ONCALL, "q5_examples", id + "|blocking", "examples", "text",
                (HOSTILE + "\n").repeat(50) + "z".repeat(10_000)));
        press(ONCALL, id, "card", "mitigate");
        press(REVIEWER, id, "card", "approve_resume");
        settled();
        press(ONCALL, id, "card", "resolve");
        pressOnCard(ONCALL, id, "ack", "ack");
        command(ONCALL, STRESS_CHANNEL, "status");
        app.slack("""
                {"token":"x","team_id":"T0SANDBOX","api_app_id":"A0THREEAM","type":"event_callback","event_id":"Ev1","event_time":1,
                 "event":{"type":"app_home_opened","user":"U0ONCALL","channel":"D0HOME","tab":"home","event_ts":"1.000100"}}""", "application/json");
        settled();

        assertThat(incident(id).get("status").asText()).isEqualTo("resolved");
        assertThat(slack.calls("views.open")).hasSize(1);
        assertThat(slack.calls("views.publish")).hasSize(1);
        assertThat(slack.calls("chat.postEphemeral")).isNotEmpty();
        assertThat(slack.calls("chat.update").size()).isGreaterThan(10);

        List<String> problems = new ArrayList<>();
        List<String> specials = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (SandboxCall call : slack.workspace().calls()) {
            String where = call.method() + " #" + slack.workspace().calls().indexOf(call);
            switch (call.method()) {
                case "chat.postMessage", "chat.update", "chat.postEphemeral" -> {
                    JsonNode blocks = call.param("blocks") == null ? null : read(call.param("blocks"));
                    problems.addAll(BlockKitRules.message(where, call.param("text"), blocks));
                    StringBuilder text = new StringBuilder(call.param("text") == null ? "" : call.param("text"));
                    mrkdwn(blocks, text);
                    seen.append(text);
                    BlockKitRules.untrustedSpecials(text.toString(), TRUSTED).forEach(found -> specials.add(where + ": " + found));
                }
                case "views.open", "views.publish" -> {
                    JsonNode view = read(call.param("view"));
                    problems.addAll(BlockKitRules.view(where, view));
                    StringBuilder text = new StringBuilder();
                    mrkdwn(view, text);
                    seen.append(text);
                    BlockKitRules.untrustedSpecials(text.toString(), TRUSTED).forEach(found -> specials.add(where + ": " + found));
                }
                default -> { }
            }
        }
        assertThat(seen.toString()).as("the hostile text reached the messages, escaped").contains("&lt;!channel&gt;")
                .contains("&lt;@U123&gt;").contains("&lt;http://evil.example|click&gt;").contains("&amp;amp;").contains("@\u200Bhere")
                .contains("<@U0ONCALL>").contains("<!subteam^S0HELPDESK>");
        assertThat(problems).isEmpty();
        assertThat(specials).isEmpty();
        List<String> refused = app.app().database().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT kind || ': ' || last_error FROM outbox WHERE status = 'failed'").mapTo(String.class).list());
        // the fake workspace knows only U0ONCALL, so the DM to the reviewer finds no such user; nothing else may fail
        assertThat(refused).as("nothing was refused by Slack").allSatisfy(failure -> assertThat(failure)
                .startsWith("direct_message").contains("user_not_found"));
        assertThat(timeline(id)).filteredOn(text -> text.contains("Delivery failed")).allSatisfy(text -> assertThat(text)
                .contains("direct message").contains("user_not_found"));
        assertThat(timeline(stray)).noneSatisfy(text -> assertThat(text).contains("Delivery failed"));
        assertThat(actionIds(messageWithBlock(id, "q3").orElseThrow())).as("No rollback stays offered").contains("q3_none");
    }

    /** The texts Slack parses for mentions and links: mrkdwn text objects (plain_text is shown as typed). */
    private static void mrkdwn(JsonNode node, StringBuilder into) {
        if (node == null) {
            return;
        }
        if (node.isObject() && "mrkdwn".equals(node.path("type").asText()) && node.path("text").isTextual()) {
            into.append(node.get("text").asText()).append('\n');
        }
        node.forEach(child -> mrkdwn(child, into));
    }
}
