package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.sandbox.SandboxCall;
import dev.threeam.sandbox.SandboxMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 4: the card is the root, the thread under it reads changes → runbook → Q1..Q5, and the card is edited in place. */
class IncidentThreadTest extends ThreadFlow {

    @Test
    void the_card_is_the_root_and_the_replies_are_changes_runbook_and_the_five_questions_in_order() {
        String id = fire("retrieval_failure", "recall@5 0.41 < 0.7 on help-center retrieval");

        assertThat(slack.topLevel(SUPPORT)).hasSize(1);
        SandboxMessage card = card(id);
        assertThat(card.ts()).isEqualTo(ts(id));
        assertThat(allText(card)).contains(id).contains("support-chat").contains("retrieval_failure").contains("critical")
                .contains("triggered").contains("engineering").contains("not acknowledged").contains("0/5 answered");
        assertThat(actionIds(card)).containsExactly("ack", "mitigate", "resolve", "page_owner", "rerun_eval");

        List<SandboxMessage> replies = replies(id);
        assertThat(replies).hasSize(7);
        assertThat(allText(replies.get(0))).contains("Recent changes").contains("none recorded for support-chat");
        String runbook = allText(replies.get(1));
        assertThat(runbook).contains("Retrieval failure").contains("help-center sync job")
                .contains("Known limits").contains("Account takeover help").contains("Refunds above 200 EUR");
        for (int n = 1; n <= 5; n++) {
            SandboxMessage question = replies.get(n + 1);
            List<JsonNode> blocks = blocks(question);
            int actions = blockIds(question).indexOf("q" + n);
            assertThat(actions).as("q%d has an actions block", n).isPositive();
            assertThat(blocks.get(actions).path("type").asText()).isEqualTo("actions");
            JsonNode above = blocks.get(actions - 1);
            assertThat(above.path("type").asText()).isEqualTo("section");
            assertThat(above.path("text").path("text").asText()).contains(dev.threeam.incident.Question.values()[n - 1].text());
            assertThat(question.text()).as("notification text of q%d", n).contains(id).contains("Q" + n);
        }
        assertThat(button(replies.get(2), "q1_retrieval_failure").path("style").asText()).as("the classifier's answer is pre-marked")
                .isEqualTo("primary");
        assertThat(actionIds(replies.get(4))).contains("rollback_previous-retriever", "rollback_previous-model", "q3_none");
        assertThat(button(replies.get(4), "rollback_previous-model").path("confirm").path("text").path("text").asText())
                .contains("supportchat.model-route").contains("previous");
        assertThat(actionIds(replies.get(5))).containsExactly("q4_yes", "q4_no");
        assertThat(actionIds(replies.get(6))).containsExactly("q5_blocking", "q5_monitoring", "q5_backlog", "q5_noise");
        for (SandboxCall post : posts()) {
            assertThat(post.param("channel")).isEqualTo(SUPPORT);
            assertThat(post.param("text")).as("every message sets text").isNotBlank();
        }
        assertThat(posts().get(0).param("thread_ts")).isNull();
        assertThat(posts().subList(1, posts().size())).allSatisfy(post -> assertThat(post.param("thread_ts")).isEqualTo(card.ts()));
    }

    @Test
    void changes_recorded_before_the_alert_are_listed_most_relevant_first_with_who_what_and_from_to() {
        change("retrieval_index", "Help-center index rebuilt with new chunking", "helpcenter-2026-11-20", "helpcenter-2026-11-27", "lee");
        change("prompt", "Prompt v42: shorter refusals", "v41", "v42", "dana");

        String id = fire("retrieval_failure", "citation hit rate 0.62 < 0.90");

        SandboxMessage changes = replies(id).get(0);
        List<String> lines = blocks(changes).stream().map(block -> block.path("text").path("text").asText()).toList();
        assertThat(lines.get(0)).contains("Recent changes").contains("retrieval failure first");
        assertThat(lines.get(1)).contains("retrieval_index").contains("Help-center index rebuilt with new chunking")
                .contains("helpcenter-2026-11-20 → helpcenter-2026-11-27").contains("by lee");
        assertThat(lines.get(2)).contains("prompt").contains("Prompt v42: shorter refusals").contains("v41 → v42").contains("by dana");
        SandboxMessage q2 = messageWithBlock(id, "q2").orElseThrow();
        List<String> labels = blocks(q2).stream().flatMap(block -> java.util.stream.StreamSupport.stream(block.path("elements").spliterator(), false))
                .map(button -> button.path("text").path("text").asText()).toList();
        assertThat(labels).containsExactly("retrieval_index: Help-center index rebuilt with new chunking",
                "prompt: Prompt v42: shorter refusals", "None of these");
    }

    @Test
    void acknowledge_edits_the_card_in_place_and_never_posts_a_second_root() {
        String id = fire("latency_failure", "p95 latency 9.2 s > 4 s");
        String root = ts(id);
        int postsBefore = posts().size();

        press(ONCALL, id, "card", "ack");
        settled();

        assertThat(slack.topLevel(SUPPORT)).hasSize(1);
        assertThat(posts()).hasSize(postsBefore);
        List<SandboxCall> updates = slack.calls("chat.update").stream().filter(call -> root.equals(call.param("ts"))).toList();
        assertThat(updates).isNotEmpty();
        assertThat(updates).allSatisfy(update -> assertThat(update.param("channel")).isEqualTo(SUPPORT));
        SandboxMessage card = card(id);
        assertThat(card.edited()).isTrue();
        assertThat(allText(card)).contains("acknowledged").contains("acknowledged by <@U0ONCALL>");
        assertThat(actionIds(card)).doesNotContain("ack").contains("mitigate", "resolve");
        assertThat(timeline(id)).contains("Acknowledged by <@U0ONCALL>");
    }
}
