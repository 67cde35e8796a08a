package dev.threeam.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.flow.ThreadFlow;
import dev.threeam.sandbox.SandboxMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: one rule says which rollback fits a failure type, so {@code check} and the drill scorer agree. For a
 * runbook whose rollbacks have no {@code for:} and one whose rollbacks have it, drills are played through the real
 * endpoints, pressing what Q3 marks; each passes, its scorecard expects exactly the rollbacks (and reasons) that
 * {@code check} lists, and {@code check --require-drills} then reports those types ready.
 */
class CheckAgreesWithDrillsTest extends ThreadFlow {

    /** Rollbacks without {@code for:}: their kind decides. Nothing fits a tool failure. */
    static final String WITHOUT_FOR = """
            ---
            workflow: shop
            title: Shop assistant
            channel: C0SUPPORTCHAT
            owners:
              engineering: {slack: [S0HELPDESK]}
              reviewer: {slack: [U0REVIEW2]}
            escalation:
              quality_drift: [engineering]
              retrieval_failure: [engineering]
              tool_failure: [engineering]
              policy_failure: [reviewer]
              cost_failure: [engineering]
              latency_failure: [engineering]
              provider_outage: [engineering]
            rollbacks:
              - {id: previous-prompt, label: Roll back the prompt, kind: prompt,
                 unleash: {project: default, feature: shop-prompt-v9, environment: production, action: "off"}}
              - {id: kb-index-previous, label: Point retrieval at the previous index, kind: retrieval_index,
                 webhook: {url: "http://127.0.0.1:9/kb"}}
            ---
            """ + Workspace.SECTIONS;

    /** Rollbacks with {@code for:}: it decides, whatever the kind (tools-off is a feature flag, yet only for tools). */
    static final String WITH_FOR = """
            ---
            workflow: orders
            title: Order assistant
            channel: C0SUPPORTCHAT
            owners:
              engineering: {slack: [S0HELPDESK]}
              reviewer: {slack: [U0REVIEW2]}
            escalation:
              quality_drift: [engineering]
              retrieval_failure: [engineering]
              tool_failure: [engineering]
              policy_failure: [reviewer]
              cost_failure: [engineering]
              latency_failure: [engineering]
              provider_outage: [engineering]
            rollbacks:
              - {id: tools-off, label: Turn off order tools, kind: feature_flag, for: [tool_failure],
                 unleash: {project: default, feature: order-tools, environment: production, action: "off"}}
              - {id: kb-index-previous, label: Point retrieval at the previous index, kind: retrieval_index,
                 for: [retrieval_failure], webhook: {url: "http://127.0.0.1:9/kb"}}
            ---
            """ + Workspace.SECTIONS;

    private Workspace repo;

    @Override
    protected void prepare(Map<String, String> settings) {
        repo = Workspace.at(dir.resolve("repo")).withRunbook("shop.md", WITHOUT_FOR).withRunbook("orders.md", WITH_FOR);
        settings.put("RUNBOOKS_DIR", repo.runbooks().toString());
        settings.put("UNLEASH_URL", "http://127.0.0.1:9");
        settings.put("UNLEASH_API_TOKEN", "t");
    }

    @Test
    void check_and_the_scorer_agree_with_and_without_for_and_drilled_types_turn_green() {
        JsonNode before = check("--format", "json");
        assertThat(fit(before, "shop", "retrieval_failure").get("rollbacks")).singleElement().satisfies(rollback -> {
            assertThat(rollback.get("id").asText()).isEqualTo("kb-index-previous");
            assertThat(rollback.get("reason").asText()).isEqualTo("kind retrieval_index fits retrieval_failure (it has no for:)");
        });
        assertThat(fit(before, "shop", "tool_failure").get("rollbacks")).isEmpty();
        assertThat(fit(before, "shop", "tool_failure").get("no_rollback_fits").asText()).isEqualTo("no rollback lists"
                + " tool_failure in for:, and none without for: is of kind tool_schema, feature_flag or deploy");
        assertThat(fit(before, "orders", "retrieval_failure").get("rollbacks")).singleElement().satisfies(rollback -> {
            assertThat(rollback.get("id").asText()).isEqualTo("kb-index-previous");
            assertThat(rollback.get("reason").asText()).isEqualTo("its for: lists retrieval_failure");
        });

        List<Played> drills = List.of(play("shop", "retrieval_failure"), play("shop", "tool_failure"),
                play("orders", "retrieval_failure"));

        for (Played drill : drills) {
            JsonNode fit = fit(before, drill.workflow(), drill.type());
            List<String> expected = new ArrayList<>();
            fit.get("rollbacks").forEach(rollback -> expected.add(rollback.get("id").asText() + " ("
                    + rollback.get("reason").asText() + ")"));
            String said = expected.isEmpty() ? "No rollback (" + fit.get("no_rollback_fits").asText() + ")"
                    : String.join(" or ", expected);
            assertThat(drill.scorecard()).as(drill.workflow() + " " + drill.type()).contains("PASSED")
                    .doesNotContain("NOT PASSED").contains("; expected: " + said);
            assertThat(drill.marked()).as("Q3 marks what check lists").isEqualTo(expected.isEmpty() ? List.of("q3_none")
                    : StreamSupport.stream(fit.get("rollbacks").spliterator(), false)
                            .map(rollback -> "rollback_" + rollback.get("id").asText()).toList());
        }
        String path = dir.resolve("threeam.db").toString();
        app.close();
        app = null;

        CheckProcess process = CheckProcess.in(repo.root()).env("DATABASE_URL", "jdbc:sqlite:" + path);
        JsonNode after = read(process.check("--require-drills", "--format", "json", "runbooks/").stdout());
        for (Played drill : drills) {
            JsonNode type = fit(after, drill.workflow(), drill.type());
            assertThat(type.get("drilled").asBoolean()).as(drill.workflow() + " " + drill.type()).isTrue();
            assertThat(type.get("ready").asBoolean()).isTrue();
            assertThat(type.get("reasons")).isEmpty();
        }
        assertThat(fit(after, "shop", "quality_drift").get("ready").asBoolean()).as("never drilled").isFalse();
        CheckProcess.Run text = process.check("--require-drills", "runbooks/");
        assertThat(text.exit()).as("the other types were never drilled").isEqualTo(1);
        assertThat(text.stdout()).containsPattern("retrieval_failure +last drill \\d{4}-\\d\\d-\\d\\d INC-\\d+: passed  ✓")
                .containsPattern("tool_failure +last drill \\d{4}-\\d\\d-\\d\\d INC-\\d+: passed  ✓")
                .containsPattern("tool_failure +ok  engineering +none fits +ok")
                .contains("    tool_failure       No rollback (no rollback lists tool_failure in for:, and none without for:"
                        + " is of kind tool_schema, feature_flag or deploy)")
                .contains("    retrieval_failure  kb-index-previous (kind retrieval_index fits retrieval_failure (it has no for:))");
    }

    /** A drill played to the end through the thread, pressing on Q3 what the thread marks as fitting. */
    record Played(String workflow, String type, List<String> marked, String scorecard) {}

    private Played play(String workflow, String type) {
        HttpResponse<String> started = app.post("/api/drills", "{\"workflow\":\"" + workflow + "\",\"failure_type\":\"" + type + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = json(started).get("incident").asText();
        eventually().until(() -> ts(id) != null && replies(id).size() >= 7);
        settled();
        press(ONCALL, id, "card", "ack");
        press(ONCALL, id, "q1", "q1_" + type);
        press(ONCALL, id, "q2", "q2_none");
        SandboxMessage q3 = messageWithBlock(id, "q3").orElseThrow();
        List<String> marked = actionIds(q3).stream()
                .filter(action -> button(q3, action).path("style").asText().equals("primary")).toList();
        press(ONCALL, id, "q3", marked.get(0));
        press(ONCALL, id, "q4", "q4_no");
        press(ONCALL, id, "q5", "q5_backlog");
        settled();
        press(ONCALL, id, "card", "resolve");
        settled();
        eventually().until(() -> replies(id).stream().anyMatch(reply -> reply.text().contains("Scorecard —")));
        String scorecard = replies(id).stream().map(SandboxMessage::text).filter(text -> text.contains("Scorecard —"))
                .findFirst().orElseThrow();
        return new Played(workflow, type, marked, scorecard);
    }

    private JsonNode check(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("runbooks/");
        return read(CheckProcess.in(repo.root()).check(all.toArray(String[]::new)).stdout());
    }

    private static JsonNode fit(JsonNode report, String workflow, String type) {
        for (JsonNode entry : report.get("workflows")) {
            if (entry.get("workflow").asText().equals(workflow)) {
                for (JsonNode readiness : entry.get("failure_types")) {
                    if (readiness.get("failure_type").asText().equals(type)) {
                        return readiness;
                    }
                }
            }
        }
        throw new AssertionError("no " + workflow + " " + type + " in " + report);
    }
}
