package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.sandbox.SandboxCall;
import org.junit.jupiter.api.Test;

/** Issue 4: Acknowledge, Mitigated, Resolve on the card; every transition in the timeline; refusals only to the presser. */
class LifecycleButtonsTest extends ThreadFlow {

    @Test
    void acknowledge_mitigate_and_resolve_move_the_incident_and_each_is_in_the_timeline() {
        String id = fire("latency_failure", "p95 latency 8.1 s > 4 s");

        press(ONCALL, id, "card", "ack");
        settled();
        assertThat(incident(id).get("status").asText()).isEqualTo("acknowledged");
        press(ONCALL, id, "card", "mitigate");
        settled();
        assertThat(incident(id).get("status").asText()).isEqualTo("mitigated");
        assertThat(actionIds(card(id))).doesNotContain("ack", "mitigate").contains("resolve");
        press(ONCALL, id, "card", "resolve");
        settled();

        JsonNode incident = incident(id);
        assertThat(incident.get("status").asText()).isEqualTo("resolved");
        assertThat(incident.get("resolved_at").isNull()).isFalse();
        assertThat(timeline(id)).contains("Acknowledged by <@U0ONCALL>", "Marked mitigated by <@U0ONCALL>")
                .anySatisfy(text -> assertThat(text).startsWith("Resolved by <@U0ONCALL> after"));
        assertThat(allText(card(id))).contains("resolved").contains(":white_check_mark:");
        assertThat(blockIds(card(id))).doesNotContain("card");
        assertThat(slack.topLevel(SUPPORT)).hasSize(1);
        assertThat(privately(ONCALL)).isEmpty();
    }

    @Test
    void pressing_acknowledge_twice_answers_already_privately_and_posts_nothing() {
        String id = fire("latency_failure", "time to first token 3.2 s > 1.5 s");
        pressOnCard(ONCALL, id, "ack", "ack");
        settled();
        int posts = posts().size();

        pressOnCard(ONCALL, id, "ack", "ack");
        settled();

        assertThat(privately(ONCALL)).singleElement().asString().contains("already acknowledged").contains("<@U0ONCALL>");
        SandboxCall ephemeral = slack.calls("chat.postEphemeral").get(0);
        assertThat(ephemeral.param("channel")).isEqualTo(SUPPORT);
        assertThat(posts()).hasSize(posts);
        assertThat(timeline(id).stream().filter(text -> text.startsWith("Acknowledged by"))).hasSize(1);
        assertThat(timeline(id)).anySatisfy(text -> assertThat(text).contains("already acknowledged"));
    }

    @Test
    void a_press_on_a_resolved_incident_is_refused_privately_and_written_to_the_timeline() {
        String id = fire("latency_failure", "p99 latency 20 s");
        press(ONCALL, id, "card", "resolve");
        settled();
        int posts = posts().size();

        pressOnCard(OUTSIDER, id, "mitigate", "mitigated");
        pressOnCard(OUTSIDER, id, "resolve", "resolve");
        settled();

        assertThat(privately(OUTSIDER)).hasSize(2).allSatisfy(text -> assertThat(text).contains("already resolved"));
        assertThat(posts()).hasSize(posts);
        assertThat(incident(id).get("status").asText()).isEqualTo("resolved");
        assertThat(timeline(id).stream().filter(text -> text.contains("<@U0STRANGER>"))).hasSize(2);
    }
}
