package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 5: Q3 rollbacks — a real flagd file on disk and a local Unleash — allowed, idempotent and audited. */
class RollbackFlowTest extends ThreadFlow {

    private static final String MODEL_ROUTE = "supportchat.model-route";

    private final RecordingServer unleash = new RecordingServer(500, "{\"error\":\"database unavailable\"}");
    private Path flags;

    @Override
    protected void prepare(Map<String, String> settings) throws Exception {
        settings.put("UNLEASH_URL", unleash.url(""));
        settings.put("UNLEASH_API_TOKEN", "*:*.unleash-admin-token");
        settings.put("ACTION_RETRY_FOR", "2s"); // Unleash answers 500 until a test says otherwise: give up soon
        flags = TestApp.runbooks(dir).resolve("flags/flags.json");
        ObjectNode json = (ObjectNode) read(Files.readString(flags));
        ((ObjectNode) json.get("flags").get(MODEL_ROUTE)).set("targeting",
                read("{\"if\":[{\"in\":[{\"var\":\"plan\"},[\"beta\"]]},\"current\",\"previous\"]}"));
        Files.writeString(flags, json.toPrettyString());
    }

    @AfterEach
    void stopUnleash() {
        unleash.close();
    }

    private JsonNode flag(String name) throws Exception {
        return read(Files.readString(flags)).get("flags").get(name);
    }

    @Test
    void a_flagd_rollback_by_a_member_of_the_owning_group_rewrites_the_flag_file_once() throws Exception {
        String id = fire("latency_failure", "p95 latency 9.4 s > 4 s on chat");
        JsonNode untouched = flag("supportchat.retriever");
        assertThat(button(messageWithBlock(id, "q3").orElseThrow(), "rollback_previous-model").path("confirm").path("text").path("text").asText())
                .contains(MODEL_ROUTE).contains("previous");

        press(ONCALL, id, "q3", "rollback_previous-model");
        settled();

        JsonNode flag = flag(MODEL_ROUTE);
        assertThat(flag.get("defaultVariant").asText()).isEqualTo("previous");
        assertThat(flag.has("targeting")).isFalse();
        assertThat(flag.get("state").asText()).isEqualTo("ENABLED");
        assertThat(flag("supportchat.retriever")).isEqualTo(untouched);
        assertThat(replies(id)).anySatisfy(reply -> assertThat(reply.text()).contains("Rollback done").contains("Route chat to the previous model"));
        assertThat(allText(card(id))).contains("rollback previous-model: done (<@U0ONCALL>)");
        JsonNode incident = incident(id);
        assertThat(incident.get("actions")).singleElement().satisfies(action -> {
            assertThat(action.get("kind").asText()).isEqualTo("rollback");
            assertThat(action.get("target").asText()).isEqualTo("previous-model");
            assertThat(action.get("by").asText()).isEqualTo(ONCALL);
            assertThat(action.get("status").asText()).isEqualTo("done");
        });
        assertThat(incident.get("answers").get("q3").get("value").asText()).isEqualTo("previous-model");
        assertThat(allText(messageWithBlock(id, "q3").orElseThrow())).contains("Answered by <@U0ONCALL>");
        assertThat(timeline(id)).contains("Rollback \"Route chat to the previous model\" pressed by <@U0ONCALL>");
        assertThat(privately(ONCALL)).isEmpty();

        // someone sets the flag back by hand; a double click must not roll back again
        Files.writeString(flags, Files.readString(flags).replace("\"defaultVariant\" : \"previous\"", "\"defaultVariant\" : \"current\"")
                .replace("\"defaultVariant\": \"previous\"", "\"defaultVariant\": \"current\""));
        String before = Files.readString(flags);
        int posts = posts().size();
        press(ONCALL, id, "q3", "rollback_previous-model");
        settled();

        assertThat(privately(ONCALL)).singleElement().asString().contains("already done");
        assertThat(Files.readString(flags)).isEqualTo(before);
        assertThat(posts()).hasSize(posts);
        assertThat(incident(id).get("actions")).hasSize(1);
    }

    @Test
    void a_user_outside_the_allowed_group_is_refused_privately_and_the_attempt_is_in_the_timeline() throws Exception {
        String id = fire("provider_outage", "OpenAI 529 overloaded for 6 minutes");
        String before = Files.readString(flags);
        int posts = posts().size();

        press(OUTSIDER, id, "q3", "rollback_previous-model");
        settled();

        assertThat(privately(OUTSIDER)).singleElement().asString().contains("You may not press").contains("S0HELPDESK");
        assertThat(Files.readString(flags)).isEqualTo(before);
        assertThat(posts()).hasSize(posts);
        assertThat(incident(id).get("actions")).isEmpty();
        assertThat(timeline(id)).contains("Rollback previous-model by <@U0STRANGER> refused: not allowed");
        assertThat(slack.calls("usergroups.users.list")).anySatisfy(call -> assertThat(call.param("usergroup")).isEqualTo("S0HELPDESK"));
    }

    @Test
    void an_unleash_rollback_that_keeps_failing_is_given_up_with_the_answer_and_retry_succeeds_once_unleash_is_back() {
        String id = fire("quality_drift", "helpfulness 0.58 < 0.75 since the safety preamble");

        press(ONCALL, id, "q3", "rollback_safety-preamble-off");
        eventually().until(() -> messageWithBlock(id, "retry").isPresent());
        settled();

        assertThat(replies(id)).filteredOn(reply -> reply.text().contains("Unleash not reachable, retrying")).as("said once").hasSize(1);
        int tries = unleash.received().size();
        assertThat(tries).as("retried with backoff before giving up").isGreaterThan(1);
        assertThat(unleash.received()).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/admin/projects/default/features/helpdesk-safety-preamble/environments/production/off");
            assertThat(request.authorization()).isEqualTo("*:*.unleash-admin-token");
        });
        SandboxMessage failed = messageWithBlock(id, "retry").orElseThrow();
        assertThat(failed.text()).contains("Rollback failed").contains("Turn off the new safety preamble").contains("gave up").contains("500");
        assertThat(actionIds(failed)).containsExactly("retry_safety-preamble-off");
        assertThat(allText(card(id))).contains("rollback safety-preamble-off: failed");
        assertThat(incident(id).get("actions").get(0).get("status").asText()).isEqualTo("failed");

        unleash.answerWith(200);
        press(ONCALL, id, "retry", "retry_safety-preamble-off");
        settled();

        assertThat(unleash.received()).hasSize(tries + 1);
        assertThat(replies(id)).anySatisfy(reply -> assertThat(reply.text()).contains("Rollback done").contains("Turn off the new safety preamble"));
        assertThat(incident(id).get("actions").get(0).get("status").asText()).isEqualTo("done");
        assertThat(allText(card(id))).contains("rollback safety-preamble-off: done");
        assertThat(timeline(id)).contains("Rollback safety-preamble-off retried by <@U0ONCALL>");

        press(ONCALL, id, "retry", "retry_safety-preamble-off");
        assertThat(privately(ONCALL)).singleElement().asString().contains("already done");
        assertThat(unleash.received()).hasSize(tries + 1);
    }

    @Test
    void two_presses_at_the_same_moment_roll_back_once_and_the_other_presser_hears_it_is_in_flight_or_done() throws Exception {
        String id = fire("cost_failure", "tokens per hour 5.1M > 3M");

        List<CompletableFuture<HttpResponse<String>>> presses = List.of(
                CompletableFuture.supplyAsync(() -> press(ONCALL, id, "q3", "rollback_previous-model")),
                CompletableFuture.supplyAsync(() -> press(ONCALL, id, "q3", "rollback_previous-model")));
        presses.forEach(CompletableFuture::join);
        settled();

        assertThat(presses).allSatisfy(press -> assertThat(press.join().statusCode()).isEqualTo(200));
        assertThat(incident(id).get("actions")).hasSize(1);
        assertThat(privately(ONCALL)).singleElement().asString().containsPattern("already (done|in flight)");
        assertThat(replies(id)).filteredOn(reply -> reply.text().contains("Rollback done")).hasSize(1);
        assertThat(flag(MODEL_ROUTE).get("defaultVariant").asText()).isEqualTo("previous");
    }
}
