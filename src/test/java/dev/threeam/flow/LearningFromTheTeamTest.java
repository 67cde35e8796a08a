package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.check.CheckProcess;
import dev.threeam.sandbox.SandboxMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a Q1 answer that changes the type is who corrected it in the API, a labelled example that
 * {@code check --classify} replays, and a runbook rule proposed in the thread (never written by 3am).
 */
class LearningFromTheTeamTest extends ThreadFlow {

    private static final String ALERT = """
            {"version":"4","groupKey":"{}:{alertname=\\"AnswerHelpfulnessLow\\"}","status":"firing","receiver":"3am",
             "groupLabels":{"alertname":"AnswerHelpfulnessLow"},"commonLabels":{"alertname":"AnswerHelpfulnessLow","service":"helpdesk-bot"},
             "commonAnnotations":{"summary":"Helpfulness of sampled answers 0.58 under 0.75"},"externalURL":"http://am",
             "alerts":[{"status":"firing","labels":{"alertname":"AnswerHelpfulnessLow","service":"helpdesk-bot","severity":"critical"},
               "annotations":{"summary":"Helpfulness of sampled answers 0.58 under 0.75"},"startsAt":"2026-11-28T02:00:00Z",
               "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prom","fingerprint":"5f3a9c0e2b7d4a11"}]}""";

    @Test
    void a_q1_correction_is_recorded_learned_from_and_turned_into_a_proposed_runbook_rule() {
        String id = fireAlertmanager();
        JsonNode before = incident(id).get("classification");
        assertThat(before.get("failure_type").asText()).isEqualTo("quality_drift");
        assertThat(before.get("corrected_by").isNull()).isTrue();

        press(ONCALL, id, "q1", "q1_retrieval_failure");
        settled();

        JsonNode after = incident(id).get("classification");
        assertThat(after.get("failure_type").asText()).isEqualTo("retrieval_failure");
        assertThat(after.get("corrected_by").asText()).isEqualTo(ONCALL);
        assertThat(replies(id)).map(SandboxMessage::text).anySatisfy(text -> assertThat(text)
                .contains("retrieval_failure").contains("classify:")
                .contains("{failure_type: retrieval_failure, match: {alertname: \"^AnswerHelpfulnessLow$\"}}"));
        assertThat(List.of(actionIds(messageWithBlock(id, "q1").orElseThrow()).get(0)))
                .as("the type chosen comes first on Q1").containsExactly("q1_retrieval_failure");

        CheckProcess.Run run = CheckProcess.in(dir).env(Map.of("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("threeam.db"),
                "RUNBOOKS_DIR", dir.resolve("runbooks").toString())).check("--classify", "--min", "0.95");
        assertThat(run.stdout()).as(run.printed()).contains("stored labelled examples")
                .contains("stored example (" + ONCALL).contains("0 skipped").doesNotContain("?");
        assertThat(run.exit()).as("the current rules do not yet classify the corrected alert as the team did: " + run.printed())
                .isEqualTo(1);
    }

    private String fireAlertmanager() {
        var response = app.post("/alerts/alertmanager", ALERT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = json(response).get("incidents").get(0).asText();
        eventually().until(() -> ts(id) != null && replies(id).size() >= 7);
        settled();
        return id;
    }
}
