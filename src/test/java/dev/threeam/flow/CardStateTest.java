package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.slack.SlackGateway;
import org.junit.jupiter.api.Test;

/** The card's message metadata carries the incident's state for Slack workflows and other bots, redrawn with the card. */
class CardStateTest extends ThreadFlow {

    @Test
    void the_card_metadata_carries_the_incident_state_and_the_outbox_id_that_posted_it() {
        String id = fire("retrieval_failure", "Citation hit rate 0.41 < 0.90");

        JsonNode metadata = card(id).metadata();
        assertThat(metadata.path("event_type").asText()).isEqualTo(SlackGateway.METADATA_EVENT);
        JsonNode state = metadata.path("event_payload");
        assertThat(state.path("outbox_id").asLong()).isPositive();
        assertThat(state.path("incident").asText()).isEqualTo(id);
        assertThat(state.path("status").asText()).isEqualTo("triggered");
        assertThat(state.path("failure_type").asText()).isEqualTo("retrieval_failure");
        assertThat(state.path("workflow").asText()).isEqualTo("support-chat");
        assertThat(state.path("owner").asText()).isNotBlank();
        assertThat(state.path("acknowledged_by").asText()).isEmpty();
    }

    @Test
    void the_state_is_redrawn_with_the_card_and_keeps_the_outbox_id_crash_recovery_looks_for() {
        String id = fire("retrieval_failure", "Citation hit rate 0.38 < 0.90");
        long postedBy = card(id).metadata().path("event_payload").path("outbox_id").asLong();

        press(ONCALL, id, "card", "ack");
        settled();
        eventually().until(() -> card(id).metadata().path("event_payload").path("status").asText().equals("acknowledged"));

        JsonNode state = card(id).metadata().path("event_payload");
        assertThat(state.path("acknowledged_by").asText()).isEqualTo(ONCALL);
        assertThat(state.path("outbox_id").asLong()).isEqualTo(postedBy);
        assertThat(slack.calls("chat.update")).anySatisfy(call -> assertThat(call.param("metadata")).contains("\"status\":\"acknowledged\""));
    }

    @Test
    void replies_keep_only_the_outbox_id_and_the_incident() {
        String id = fire("retrieval_failure", "Citation hit rate 0.33 < 0.90");

        JsonNode reply = replies(id).get(0).metadata().path("event_payload");
        assertThat(reply.path("outbox_id").asLong()).isPositive();
        assertThat(reply.path("incident").asText()).isEqualTo(id);
        assertThat(reply.has("status")).isFalse();
    }
}
