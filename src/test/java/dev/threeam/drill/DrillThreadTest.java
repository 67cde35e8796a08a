package dev.threeam.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.threeam.flow.ThreadFlow;
import dev.threeam.sandbox.SandboxCall;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.testing.Payloads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a drill thread, played through the real endpoints against the fake Slack, notifies nobody — people and
 * groups by their plain names in every message, ephemeral and card, no DM, nothing external called — while a real
 * incident still mentions the people it pages; Q4 says whom it pages and follows Q1; the scorecard and the timeline
 * say only what is true.
 */
class DrillThreadTest extends ThreadFlow {

    /** What makes Slack notify someone: a user, a user group, the channel. */
    private static final Pattern NOTIFYING = Pattern.compile("<!subteam\\^|<@[UW]|<!here|<!channel|<!everyone");

    private HttpServer external;
    private final AtomicInteger externalCalls = new AtomicInteger();

    @Override
    protected void prepare(Map<String, String> settings) throws IOException {
        external = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        external.createContext("/", exchange -> {
            externalCalls.incrementAndGet();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        external.start();
        String url = "http://127.0.0.1:" + external.getAddress().getPort();
        settings.put("PAGERDUTY_EVENTS_URL", url + "/v2/enqueue");
        settings.put("OPSGENIE_API_URL", url);
        settings.put("OPSGENIE_API_KEY", "k");
        settings.put("UNLEASH_URL", url);
        settings.put("UNLEASH_API_TOKEN", "t");
        settings.put("LAUNCHDARKLY_API_URL", url);
        settings.put("LAUNCHDARKLY_API_TOKEN", "t");
    }

    @AfterEach
    void stopExternal() {
        external.stop(0);
    }

    @Test
    void a_drill_pressed_through_q4_and_every_rollback_notifies_nobody_dms_nobody_and_calls_nothing() throws Exception {
        String flagsBefore = Files.readString(dir.resolve("runbooks/flags/flags.json"));
        String id = drill("support-chat", "retrieval_failure");

        press(ONCALL, id, "card", "ack");
        settled();
        pressOnCard(ONCALL, id, "ack", "ack"); // a stale card: "already acknowledged by …", privately
        press(ONCALL, id, "q1", "q1_retrieval_failure");
        press(ONCALL, id, "q2", "q2_none");
        List<String> rollbacks = actionIds(messageWithBlock(id, "q3").orElseThrow()).stream()
                .filter(action -> action.startsWith("rollback_")).toList();
        assertThat(rollbacks).hasSize(4).first().as("the rollback that fits comes first").isEqualTo("rollback_previous-retriever");
        for (String rollback : rollbacks) {
            press(ONCALL, id, "q3", rollback);
            settled();
        }
        press(ONCALL, id, "q3", "rollback_previous-retriever"); // "already played in this drill", privately
        press(ONCALL, id, "q4", "q4_yes");
        settled();
        press(ONCALL, id, "q5", "q5_backlog");
        app.interaction(Payloads.viewSubmission(ONCALL, "q5_examples", id + "|backlog", "examples", "text", "trace-1"));
        press(ONCALL, id, "card", "resolve"); // refused privately: the reviewer must approve
        press(OUTSIDER, id, "card", "approve_resume"); // refused privately: only the reviewer may
        press(REVIEWER, id, "card", "approve_resume");
        settled();
        press(ONCALL, id, "card", "resolve");
        settled();
        eventually().until(() -> replies(id).stream().anyMatch(reply -> reply.text().contains("Scorecard —")));
        settled();

        List<SandboxCall> calls = slack.workspace().calls();
        assertThat(calls).as("no Slack call carries a mention").allSatisfy(call -> call.params().forEach((name, value) ->
                assertThat(NOTIFYING.matcher(String.valueOf(value)).find()).as(call.method() + " " + name + ": " + value).isFalse()));
        assertThat(slack.calls("conversations.open")).as("no DM").isEmpty();
        assertThat(slack.workspace().channels()).noneMatch(channel -> channel.id().startsWith("D"));
        assertThat(externalCalls.get()).as("no pager, flag provider or webhook was called").isZero();
        assertThat(Files.readString(dir.resolve("runbooks/flags/flags.json"))).isEqualTo(flagsBefore);

        List<String> thread = replies(id).stream().map(SandboxMessage::text).toList();
        assertThat(thread).allSatisfy(text -> assertThat(text).startsWith("DRILL · ").doesNotContain("DRILL · DRILL"));
        assertThat(thread).anySatisfy(text -> assertThat(text).isEqualTo("DRILL · Would page *engineering*: helpdesk"));
        assertThat(thread).anySatisfy(text -> assertThat(text).startsWith("DRILL · Would have called flagd")
                .endsWith("; oncall was allowed to."));
        assertThat(thread).anySatisfy(text -> assertThat(text).contains("Resume approved by review2"));
        assertThat(allText(card(id))).contains("acknowledged by oncall").contains("(oncall)");
        assertThat(allText(messageWithBlock(id, "q1").orElseThrow())).contains("Answered by oncall");
        assertThat(privately(ONCALL)).anySatisfy(text -> assertThat(text).contains("by oncall"))
                .anySatisfy(text -> assertThat(text).contains("was already played in this drill (pressed by oncall)"))
                .anySatisfy(text -> assertThat(text).contains("review2"));
        assertThat(privately(OUTSIDER)).singleElement().satisfies(text -> assertThat(text).contains("Only review2 may approve"));

        String scorecard = thread.stream().filter(text -> text.contains("Scorecard —")).findFirst().orElseThrow();
        assertThat(scorecard).contains("PASSED").doesNotContain("NOT PASSED")
                .contains("pressed previous-retriever after").contains("by an allowed person (4 rollbacks pressed in all)")
                .contains("expected: previous-retriever (its for: lists retrieval_failure)")
                .contains("Q1 named the real failure type: yes");

        assertThat(timeline(id)).anySatisfy(text -> assertThat(text).startsWith("DRILL started through the API for support-chat"))
                .noneSatisfy(text -> assertThat(text).contains("<@api>"));
        String postmortem = app.get("/api/incidents/" + id + "/postmortem.md").body();
        assertThat(postmortem).contains("DRILL started through the API").doesNotContain("<@api>");
    }

    @Test
    void a_real_incident_still_mentions_the_people_it_pages() {
        String id = fire("retrieval_failure", "recall@5 0.38 against the golden set");

        press(ONCALL, id, "card", "ack");
        press(ONCALL, id, "q4", "q4_yes");
        settled();

        assertThat(replies(id).stream().map(SandboxMessage::text))
                .anySatisfy(text -> assertThat(text).isEqualTo(":rotating_light: Paging *engineering*: <!subteam^S0HELPDESK>"));
        assertThat(allText(card(id))).contains("acknowledged by <@U0ONCALL>");
        assertThat(allText(messageWithBlock(id, "q4").orElseThrow())).contains("Answered by <@U0ONCALL>");
        assertThat(slack.calls("users.info")).as("a real incident looks up no names").isEmpty();
        assertThat(slack.calls("usergroups.list")).isEmpty();
    }

    @Test
    void q4_says_whom_it_pages_and_q1_redraws_q3_and_q4_for_the_new_type() {
        String id = fire("retrieval_failure", "recall@5 0.38 against the golden set");
        assertThat(label(id, "q4", "q4_yes")).isEqualTo("Yes, page engineering");
        String q4 = messageWithBlock(id, "q4").orElseThrow().ts();

        press(ONCALL, id, "q1", "q1_policy_failure");
        settled();

        assertThat(label(id, "q4", "q4_yes")).as("policy_failure escalates to reviewer, then security")
                .isEqualTo("Yes, page reviewer and security");
        assertThat(slack.calls("chat.update")).anySatisfy(call -> assertThat(call.param("ts")).isEqualTo(q4));
        SandboxMessage q3 = messageWithBlock(id, "q3").orElseThrow();
        assertThat(actionIds(q3).get(0)).as("the rollback that fits policy_failure comes first").isEqualTo("rollback_safety-preamble-off");
        assertThat(button(q3, "rollback_safety-preamble-off").path("style").asText()).isEqualTo("primary");
        assertThat(button(q3, "rollback_previous-retriever").has("style")).isFalse();
    }

    @Test
    void the_scorecard_says_which_rollbacks_were_pressed_which_it_expected_and_that_q1_was_not_answered() {
        String id = drill("support-chat", "retrieval_failure");

        for (String rollback : List.of("safety-preamble-off", "order-tools-off", "previous-model")) {
            press(ONCALL, id, "q3", "rollback_" + rollback);
            settled();
        }
        press(ONCALL, id, "card", "resolve");
        settled();
        eventually().until(() -> replies(id).stream().anyMatch(reply -> reply.text().contains("Scorecard —")));

        String scorecard = replies(id).stream().map(SandboxMessage::text).filter(text -> text.contains("Scorecard —"))
                .findFirst().orElseThrow();
        assertThat(scorecard).contains("NOT PASSED")
                .contains("• Rollback: pressed 3 rollbacks (safety-preamble-off, order-tools-off, previous-model), none fits"
                        + " retrieval_failure; expected: previous-retriever (its for: lists retrieval_failure)")
                .contains("Q1 named the real failure type: not answered");
        assertThat(incident(id).get("actions").toString()).contains("Would have called");
    }

    /** Starts a drill through the API and waits for its thread. */
    private String drill(String workflow, String failureType) {
        HttpResponse<String> started = app.post("/api/drills", "{\"workflow\":\"" + workflow + "\",\"failure_type\":\"" + failureType + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = json(started).get("incident").asText();
        eventually().until(() -> ts(id) != null && replies(id).size() >= 7);
        settled();
        return id;
    }

    private String label(String id, String blockId, String actionId) {
        JsonNode button = button(messageWithBlock(id, blockId).orElseThrow(), actionId);
        return button.path("text").path("text").asText();
    }
}
