package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.sandbox.SandboxCall;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.sandbox.SandboxView;
import dev.threeam.testing.Payloads;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 4: a press records the answer with who and when, redraws its question and the card; Q1, Q2 and Q5 do more. */
class QuestionsTest extends ThreadFlow {

    @Test
    void q1_reclassifies_posts_the_new_runbook_section_and_redraws_the_question_with_who_answered() {
        String id = fire("retrieval_failure", "citation misses on refund questions");
        int repliesBefore = replies(id).size();

        HttpResponse<String> response = press(ONCALL, id, "q1", "q1_tool_failure");
        settled();

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode incident = incident(id);
        assertThat(incident.get("failure_type").asText()).isEqualTo("tool_failure");
        assertThat(incident.get("answers").get("q1").get("value").asText()).isEqualTo("tool_failure");
        assertThat(incident.get("answers").get("q1").get("label").asText()).isEqualTo("Tool");
        assertThat(incident.get("answers").get("q1").get("by").asText()).isEqualTo(ONCALL);
        assertThat(timeline(id)).anySatisfy(text -> assertThat(text)
                .startsWith("Q1 answered by <@U0ONCALL>: Tool").contains("reclassified from retrieval_failure to tool_failure"));

        List<SandboxMessage> replies = replies(id);
        assertThat(replies).as("the new type's runbook section, then the classify rule that would have got it right")
                .hasSize(repliesBefore + 2);
        assertThat(allText(replies.get(replies.size() - 2))).contains("Tool failure").contains("turn off order lookups");
        assertThat(allText(replies.get(replies.size() - 1))).contains("classify alerts like this one as *tool_failure*");
        SandboxMessage q1 = messageWithBlock(id, "q1").orElseThrow();
        assertThat(q1.edited()).isTrue();
        assertThat(allText(q1)).contains("Answered by <@U0ONCALL>").contains("Tool");
        assertThat(button(q1, "q1_tool_failure").path("style").asText()).isEqualTo("primary");
        assertThat(button(q1, "q1_retrieval_failure").has("style")).isFalse();
        assertThat(allText(card(id))).contains("tool_failure").contains("1/5 answered");
        assertThat(privately(ONCALL)).isEmpty();
    }

    @Test
    void pressing_the_same_q1_answer_twice_answers_already_privately() {
        String id = fire("retrieval_failure", "empty context rate 31%");
        press(ONCALL, id, "q1", "q1_latency_failure");
        settled();
        int posts = posts().size();

        press(ONCALL, id, "q1", "q1_latency_failure");
        settled();

        assertThat(privately(ONCALL)).singleElement().asString().contains("already answered");
        assertThat(posts()).hasSize(posts);
    }

    @Test
    void q2_marks_the_suspected_change() {
        change("prompt", "Prompt v42: shorter refusals", "v41", "v42", "dana");
        String id = fire("quality_drift", "helpfulness 0.61 < 0.75");
        SandboxMessage q2 = messageWithBlock(id, "q2").orElseThrow();
        String actionId = actionIds(q2).get(0);
        String changeId = actionId.substring("q2_".length());

        press(ONCALL, id, "q2", actionId);
        settled();

        JsonNode incident = incident(id);
        assertThat(incident.get("suspected_change").asText()).isEqualTo(changeId);
        assertThat(incident.get("answers").get("q2").get("label").asText()).isEqualTo("prompt: Prompt v42: shorter refusals");
        assertThat(timeline(id)).contains("Q2 answered by <@U0ONCALL>: prompt: Prompt v42: shorter refusals");
        SandboxMessage redrawn = messageWithBlock(id, "q2").orElseThrow();
        assertThat(button(redrawn, actionId).path("style").asText()).isEqualTo("primary");
        assertThat(allText(redrawn)).contains("Answered by <@U0ONCALL>");
    }

    @Test
    void q5_records_the_set_at_once_opens_a_modal_and_its_examples_are_exported_as_jsonl() {
        String id = fire("policy_failure", "answered a should-refuse probe");

        press(ONCALL, id, "q5", "q5_blocking");

        assertThat(incident(id).get("answers").get("q5").get("value").asText()).isEqualTo("blocking");
        List<SandboxCall> opened = slack.calls("views.open");
        assertThat(opened).hasSize(1);
        List<SandboxView> modals = slack.workspace().views().modals(ONCALL);
        assertThat(modals).singleElement().satisfies(modal -> {
            assertThat(modal.view().path("callback_id").asText()).isEqualTo("q5_examples");
            assertThat(modal.view().path("private_metadata").asText()).isEqualTo(id + "|blocking");
        });
        String submission = Payloads.viewSubmission(ONCALL, "q5_examples", id + "|blocking", "examples", "text",
                "trace-8812\nhttps://smith.langchain.com/r/abc\n\n  How do I reset another customer's password?  ");
        HttpResponse<String> submitted = app.interaction(submission);
        settled();

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(submitted.body()).doesNotContain("errors");
        assertThat(timeline(id)).contains("Q5 answered by <@U0ONCALL>: Blocking set", "<@U0ONCALL> added 3 failed examples to the blocking set");
        HttpResponse<String> export = app.get("/api/examples?set=blocking");
        assertThat(export.statusCode()).isEqualTo(200);
        List<JsonNode> lines = export.body().lines().map(ThreadFlow::read).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.fieldNames()).toIterable().containsExactlyInAnyOrder("incident", "workflow", "failure_type", "set",
                    "example", "added_by", "at");
            assertThat(line.get("incident").asText()).isEqualTo(id);
            assertThat(line.get("workflow").asText()).isEqualTo("support-chat");
            assertThat(line.get("failure_type").asText()).isEqualTo("policy_failure");
            assertThat(line.get("set").asText()).isEqualTo("blocking");
            assertThat(line.get("added_by").asText()).isEqualTo(ONCALL);
        });
        assertThat(lines.stream().map(line -> line.get("example").asText()))
                .containsExactly("trace-8812", "https://smith.langchain.com/r/abc", "How do I reset another customer's password?");
        assertThat(app.get("/api/examples?set=monitoring").body()).isEmpty();
    }

    @Test
    void an_empty_examples_form_is_refused_inside_the_modal() {
        String id = fire("policy_failure", "answered a jailbreak");
        press(ONCALL, id, "q5", "q5_monitoring");

        HttpResponse<String> submitted = app.interaction(Payloads.viewSubmission(ONCALL, "q5_examples", id + "|monitoring",
                "examples", "text", "   \n  "));

        assertThat(read(submitted.body()).path("response_action").asText()).isEqualTo("errors");
        assertThat(app.get("/api/examples?set=monitoring").body()).isEmpty();
    }

    @Test
    void q5_noise_records_the_set_without_a_modal() {
        String id = fire("quality_drift", "sampled review flagged 3 answers");

        press(ONCALL, id, "q5", "q5_noise");
        settled();

        assertThat(incident(id).get("answers").get("q5").get("value").asText()).isEqualTo("noise");
        assertThat(slack.calls("views.open")).isEmpty();
    }
}
