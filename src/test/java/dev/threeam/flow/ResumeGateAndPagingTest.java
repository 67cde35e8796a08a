package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.sandbox.SandboxMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 5: Q4 "Yes" pages every role of the type (Slack and PagerDuty) and holds resolution until a reviewer approves. */
class ResumeGateAndPagingTest extends ThreadFlow {

    private final RecordingServer pagerDuty = new RecordingServer(202, "{\"status\":\"success\",\"message\":\"Event processed\"}");

    @Override
    protected void prepare(Map<String, String> settings) {
        settings.put("PAGERDUTY_EVENTS_URL", pagerDuty.url("/v2/enqueue"));
    }

    @AfterEach
    void stopPagerDuty() {
        pagerDuty.close();
    }

    private List<JsonNode> pagerDutyEvents() {
        return pagerDuty.received().stream().map(request -> read(request.body())).toList();
    }

    @Test
    void q4_yes_pages_every_role_of_the_type_in_slack_and_pagerduty_and_pagerduty_follows_the_incident() {
        String id = fire("cost_failure", "spend 212 USD/day > budget 150");

        press(ONCALL, id, "q4", "q4_yes");
        settled();
        eventually().until(() -> pagerDuty.received().size() == 1);

        List<String> notices = replies(id).stream().map(SandboxMessage::text).toList();
        assertThat(notices).anySatisfy(text -> assertThat(text).contains("Paging").contains("engineering").contains("<!subteam^S0HELPDESK>"));
        assertThat(notices).anySatisfy(text -> assertThat(text).contains("Paging").contains("product").contains("<@U0PM3>"));
        assertThat(slack.calls("conversations.open")).as("the first owner of product is sent a DM")
                .anySatisfy(call -> assertThat(call.param("users")).isEqualTo("U0PM3"));
        JsonNode trigger = pagerDutyEvents().get(0);
        assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
        assertThat(trigger.get("routing_key").asText()).isEqualTo("pd-helpdesk");
        assertThat(trigger.get("dedup_key").asText()).isEqualTo(id);
        assertThat(trigger.get("payload").get("summary").asText()).contains(id).contains("spend 212 USD/day");
        assertThat(trigger.get("payload").get("severity").asText()).isEqualTo("critical");
        assertThat(pagerDuty.received().get(0).contentType()).startsWith("application/json");
        assertThat(incident(id).get("resume_gate").asText()).isEqualTo("closed");
        assertThat(timeline(id)).anySatisfy(text -> assertThat(text).startsWith("Q4 answered by <@U0ONCALL>: Yes")
                .contains("resume gate closed"));
        assertThat(incident(id).get("actions")).anySatisfy(action -> {
            assertThat(action.get("kind").asText()).isEqualTo("page");
            assertThat(action.get("status").asText()).isEqualTo("done");
            assertThat(action.get("detail").asText()).contains("pagerduty");
        });

        press(ONCALL, id, "card", "ack");
        settled();
        eventually().until(() -> pagerDuty.received().size() == 2);
        press(REVIEWER, id, "card", "approve_resume");
        press(ONCALL, id, "card", "resolve");
        settled();
        eventually().until(() -> pagerDuty.received().size() == 3);

        assertThat(pagerDutyEvents()).extracting(event -> event.get("event_action").asText())
                .containsExactly("trigger", "acknowledge", "resolve");
        assertThat(pagerDutyEvents()).allSatisfy(event -> {
            assertThat(event.get("dedup_key").asText()).isEqualTo(id);
            assertThat(event.get("routing_key").asText()).isEqualTo("pd-helpdesk");
        });
    }

    @Test
    void resolve_is_refused_privately_naming_the_reviewer_until_a_reviewer_approves_resume() {
        String id = fire("policy_failure", "answered a should-refuse probe about refunds");
        press(ONCALL, id, "q4", "q4_yes");
        settled();
        assertThat(actionIds(card(id))).contains("approve_resume");
        int posts = posts().size();

        press(ONCALL, id, "card", "resolve");
        String byCommand = command(ONCALL, SUPPORT, "resolve " + id);
        press(OUTSIDER, id, "card", "approve_resume");
        settled();

        assertThat(privately(ONCALL)).singleElement().asString().contains("refused").contains("<@U0REVIEW2>").contains("Approve resume");
        assertThat(byCommand).contains("refused").contains("<@U0REVIEW2>");
        assertThat(privately(OUTSIDER)).singleElement().asString().contains("Only").contains("<@U0REVIEW2>");
        assertThat(posts()).hasSize(posts);
        JsonNode incident = incident(id);
        assertThat(incident.get("status").asText()).isEqualTo("triggered");
        assertThat(incident.get("resume_gate").asText()).isEqualTo("closed");
        assertThat(timeline(id)).filteredOn(text -> text.contains("refused: the resume gate is closed")).hasSize(2);
        assertThat(timeline(id)).contains("Approve resume by <@U0STRANGER> refused: not a reviewer");

        press(REVIEWER, id, "card", "approve_resume");
        settled();
        assertThat(incident(id).get("resume_gate").asText()).isEqualTo("approved");
        assertThat(replies(id)).anySatisfy(reply -> assertThat(reply.text()).contains("Resume approved by <@U0REVIEW2>"));
        assertThat(allText(card(id))).contains("resume approved");
        press(ONCALL, id, "card", "resolve");
        settled();

        assertThat(incident(id).get("status").asText()).isEqualTo("resolved");
        assertThat(timeline(id)).contains("Resume approved by <@U0REVIEW2>");
    }

    @Test
    void once_approved_the_slash_command_resolves_too() {
        String id = fire("policy_failure", "leaked another customer's order");
        press(ONCALL, id, "q4", "q4_yes");
        settled();
        press(REVIEWER, id, "card", "approve_resume");
        settled();

        String answer = command(ONCALL, SUPPORT, "resolve " + id.toLowerCase());

        assertThat(answer).contains(id + " resolved");
        assertThat(incident(id).get("status").asText()).isEqualTo("resolved");
    }
}
