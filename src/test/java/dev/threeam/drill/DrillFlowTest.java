package dev.threeam.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.threeam.common.Json;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.Payloads;
import dev.threeam.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole drill played through signed Slack payloads: the scorecard, no external calls, and the report. */
class DrillFlowTest {

    static final String CHANNEL = "C0SUPPORTCHAT";

    @TempDir
    Path dir;
    FakeSlack slack;
    TestApp app;
    HttpServer pagerDuty;
    final AtomicInteger externalCalls = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        pagerDuty = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pagerDuty.createContext("/", exchange -> {
            externalCalls.incrementAndGet();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        pagerDuty.start();
        slack = new FakeSlack(Map.of("S0HELPDESK", List.of("U0ONCALL")));
        Map<String, String> env = TestApp.settings(slack, dir);
        String external = "http://127.0.0.1:" + pagerDuty.getAddress().getPort();
        env.put("PAGERDUTY_EVENTS_URL", external + "/v2/enqueue");
        env.put("UNLEASH_URL", external);
        env.put("UNLEASH_API_TOKEN", "t");
        app = TestApp.start(env);
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
        pagerDuty.stop(0);
    }

    String threadTs() {
        return slack.topLevel(CHANNEL).get(0).ts();
    }

    SandboxMessage question(String blockId) {
        return slack.replies(CHANNEL, threadTs()).stream()
                .filter(m -> m.blocks() != null && m.blocks().toString().contains("\"block_id\":\"" + blockId + "\""))
                .findFirst().orElseThrow();
    }

    void press(String blockId, String actionId, String value, String label, String user) {
        SandboxMessage message = blockId.equals("card") ? slack.topLevel(CHANNEL).get(0) : question(blockId);
        String payload = Payloads.buttonPress(user, CHANNEL, message.ts(), blockId.equals("card") ? null : threadTs(), blockId,
                actionId, "INC-1|" + value, label);
        assertThat(app.interaction(payload).statusCode()).isEqualTo(200);
    }

    JsonNode incident() throws Exception {
        return Json.mapper().readTree(app.get("/api/incidents/INC-1").body());
    }

    @Test
    void a_team_plays_a_retrieval_drill_to_a_passing_scorecard_without_calling_anything_real() throws Exception {
        String flagsBefore = Files.readString(dir.resolve("runbooks/flags/flags.json"));
        String answer = app.command("U0ONCALL", CHANNEL, "drill support-chat retrieval_failure").body();
        assertThat(answer).contains("DRILL").contains("INC-1");
        await().atMost(Duration.ofSeconds(15)).until(() -> !slack.topLevel(CHANNEL).isEmpty()
                && slack.replies(CHANNEL, threadTs()).size() >= 7);
        assertThat(slack.topLevel(CHANNEL).get(0).text()).startsWith("DRILL");
        assertThat(slack.replies(CHANNEL, threadTs())).allSatisfy(reply -> assertThat(reply.text()).startsWith("DRILL"));
        assertThat(incident().get("drill").asBoolean()).isTrue();

        press("card", "ack", "ack", "Acknowledge", "U0ONCALL");
        press("q1", "q1_retrieval_failure", "retrieval_failure", "Retrieval", "U0ONCALL");
        press("q2", "q2_none", "none", "None of these", "U0ONCALL");
        press("q3", "rollback_previous-retriever", "previous-retriever", "Answer from the previous retriever (bm25-v1)", "U0ONCALL");
        press("q4", "q4_yes", "yes", "Yes, page engineering", "U0ONCALL");
        press("q5", "q5_backlog", "backlog", "Backlog", "U0ONCALL");
        await().atMost(Duration.ofSeconds(15)).until(() -> incident().get("actions").size() >= 2
                && incident().get("answers").size() == 5
                && java.util.stream.StreamSupport.stream(incident().get("actions").spliterator(), false)
                        .noneMatch(action -> action.get("status").asText().equals("in_flight")));

        JsonNode actions = incident().get("actions");
        assertThat(actions.toString()).contains("would_have").contains("Would have called flagd");
        press("card", "approve_resume", "approve", "Approve resume", "U0REVIEW2");
        press("card", "resolve", "resolve", "Resolve", "U0ONCALL");

        await().atMost(Duration.ofSeconds(15)).until(() -> slack.replies(CHANNEL, threadTs()).stream()
                .anyMatch(reply -> reply.text().contains("Scorecard —")));
        String scorecard = slack.replies(CHANNEL, threadTs()).stream().map(SandboxMessage::text)
                .filter(text -> text.contains("Scorecard —")).findFirst().orElseThrow();
        assertThat(scorecard).contains("PASSED").contains("previous-retriever").contains("by an allowed person")
                .contains("Q1 named the real failure type: yes");
        assertThat(externalCalls.get()).as("no pager or flag provider was called in a drill").isZero();
        assertThat(Files.readString(dir.resolve("runbooks/flags/flags.json"))).isEqualTo(flagsBefore);

        DrillHistory history = new DrillHistory(app.app().database().jdbi());
        assertThat(history.last("support-chat", "retrieval_failure")).get().extracting(DrillHistory.Drill::passed).isEqualTo(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean ok = DrillReport.print(List.of("support-chat"), history, Instant.now(), true, new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("retrieval_failure").contains("passed  ✓");
        assertThat(ok).as("other failure types were never drilled, so --require-drills fails").isFalse();
    }

    @Test
    void a_drill_pressed_by_someone_not_allowed_does_not_pass_and_says_so() throws Exception {
        assertThat(app.post("/api/drills", "{\"workflow\":\"support-chat\",\"failure_type\":\"provider_outage\"}").statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> !slack.topLevel(CHANNEL).isEmpty()
                && slack.replies(CHANNEL, threadTs()).size() >= 7);

        press("q3", "rollback_previous-model", "previous-model", "Route chat to the previous model", "U0VISITOR");
        press("card", "resolve", "resolve", "Resolve", "U0ONCALL");

        await().atMost(Duration.ofSeconds(15)).until(() -> slack.replies(CHANNEL, threadTs()).stream()
                .anyMatch(reply -> reply.text().contains("Scorecard —")));
        String scorecard = slack.replies(CHANNEL, threadTs()).stream().map(SandboxMessage::text)
                .filter(text -> text.contains("Scorecard —")).findFirst().orElseThrow();
        assertThat(scorecard).contains("NOT PASSED").contains("NOT allowed").contains("acknowledged never");
        assertThat(externalCalls.get()).isZero();
    }

    @Test
    void bad_drill_requests_name_what_exists() throws Exception {
        var unknownWorkflow = app.post("/api/drills", "{\"workflow\":\"nope\",\"failure_type\":\"tool_failure\"}");
        assertThat(unknownWorkflow.statusCode()).isEqualTo(400);
        assertThat(unknownWorkflow.body()).contains("support-chat");
        var unknownType = app.post("/api/drills", "{\"workflow\":\"support-chat\",\"failure_type\":\"gremlins\"}");
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(unknownType.body()).contains("retrieval_failure");
        assertThat(Json.mapper().readTree(app.get("/api/incidents").body()).size()).isZero();
    }
}
