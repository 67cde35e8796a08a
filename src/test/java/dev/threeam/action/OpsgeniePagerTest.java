package dev.threeam.action;

import static dev.threeam.action.PagerDutyPagerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.action.FakeApi.Received;
import dev.threeam.action.FakeApi.Reply;
import dev.threeam.action.PageRequest.Event;
import dev.threeam.action.PageRequest.Severity;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpsgeniePagerTest {

    static final String KEY = "eb243592-faa2-4ba2-a551-1afdf565c889";
    static final Pattern ALERT_ACTION = Pattern.compile("/v2/alerts/([^/]+)/(acknowledge|close)");

    private final FakeApi opsgenie = new FakeApi(OpsgeniePagerTest::alertApi);

    @AfterEach
    void stop() {
        opsgenie.close();
    }

    /** Answers like Opsgenie's Alert API: GenieKey auth, 422 for invalid alerts, 202 when queued. */
    private static Reply alertApi(Received request) {
        if (!("GenieKey " + KEY).equals(request.header("Authorization"))) {
            return new Reply(401, "{\"message\":\"Could not authenticate\",\"took\":0.0}");
        }
        if (!request.method().equals("POST")) {
            return new Reply(405, "{\"message\":\"method not allowed\"}");
        }
        Matcher action = ALERT_ACTION.matcher(request.path());
        if (request.path().equals("/v2/alerts")) {
            JsonNode alert = json(request.body());
            String message = alert.path("message").asText("");
            if (message.isBlank() || message.length() > 130) {
                return new Reply(422, "{\"message\":\"Request body is not processable\",\"errors\":{\"message\":\"bad\"}}");
            }
            if (!Set.of("P1", "P2", "P3", "P4", "P5").contains(alert.path("priority").asText("P3"))) {
                return new Reply(422, "{\"message\":\"priority is invalid\"}");
            }
        } else if (!action.matches() || !"identifierType=alias".equals(request.query())) {
            return new Reply(404, "{\"message\":\"Alert does not exist\"}");
        }
        return new Reply(202, "{\"result\":\"Request will be processed\",\"took\":0.01,\"requestId\":\"r-1\"}");
    }

    private OpsgeniePager pager(String key) {
        return new OpsgeniePager(opsgenie.url() + "/", key);
    }

    private static PageRequest page(Event event, String summary) {
        return new PageRequest("INC-7", event, summary, Severity.CRITICAL, "support-answers",
                "http://3am.local/incidents/INC-7", "security-team", Map.of("failure_type", "policy_failure"));
    }

    @Test
    void a_trigger_creates_an_alert_aliased_by_the_incident_for_the_team() {
        PageResult result = pager(KEY).page(page(Event.TRIGGER, "Policy probe answered on support-answers"));

        assertThat(result.outcome()).isEqualTo(PageResult.Outcome.DONE);
        assertThat(result.status()).isEqualTo(202);
        Received received = opsgenie.only();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/v2/alerts");
        assertThat(received.header("Authorization")).isEqualTo("GenieKey " + KEY);
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        JsonNode alert = json(received.body());
        assertThat(alert.path("message").asText()).isEqualTo("Policy probe answered on support-answers");
        assertThat(alert.path("alias").asText()).isEqualTo("INC-7");
        assertThat(alert.path("priority").asText()).isEqualTo("P1");
        assertThat(alert.path("description").asText()).contains("http://3am.local/incidents/INC-7");
        assertThat(alert.path("responders").get(0).path("name").asText()).isEqualTo("security-team");
        assertThat(alert.path("responders").get(0).path("type").asText()).isEqualTo("team");
        assertThat(alert.path("details").path("failure_type").asText()).isEqualTo("policy_failure");
    }

    @Test
    void a_long_summary_becomes_a_message_opsgenie_accepts() {
        PageResult result = pager(KEY).page(page(Event.TRIGGER, "y".repeat(400)));

        assertThat(result.isDone()).isTrue();
        JsonNode alert = json(opsgenie.only().body());
        assertThat(alert.path("message").asText()).hasSize(130);
        assertThat(alert.path("description").asText()).startsWith("y".repeat(400));
    }

    @Test
    void acknowledge_and_resolve_act_on_the_alert_by_its_alias() {
        assertThat(pager(KEY).page(page(Event.ACKNOWLEDGE, "acked by Dana")).isDone()).isTrue();
        assertThat(pager(KEY).page(page(Event.RESOLVE, "resolved by Dana")).isDone()).isTrue();

        assertThat(opsgenie.received()).extracting(Received::path)
                .containsExactly("/v2/alerts/INC-7/acknowledge", "/v2/alerts/INC-7/close");
        assertThat(opsgenie.received()).extracting(Received::query).containsOnly("identifierType=alias");
        assertThat(json(opsgenie.received().get(1).body()).path("note").asText()).contains("resolved by Dana");
    }

    @Test
    void a_wrong_key_is_refused_with_401_and_not_worth_retrying() {
        PageResult result = pager("wrong-key").page(page(Event.TRIGGER, "x"));

        assertThat(result.outcome()).isEqualTo(PageResult.Outcome.PERMANENT_FAILURE);
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.detail()).contains("Could not authenticate");
    }

    @Test
    void without_a_key_nothing_is_called() {
        PageResult result = pager(null).page(page(Event.TRIGGER, "x"));

        assertThat(result.outcome()).isEqualTo(PageResult.Outcome.PERMANENT_FAILURE);
        assertThat(result.detail()).isEqualTo("not called: OPSGENIE_API_KEY is not set");
        assertThat(opsgenie.received()).isEmpty();
    }

    @Test
    void severities_map_to_opsgenie_priorities() {
        assertThat(OpsgeniePager.priority(Severity.CRITICAL)).isEqualTo("P1");
        assertThat(OpsgeniePager.priority(Severity.WARNING)).isEqualTo("P3");
        assertThat(OpsgeniePager.priority(Severity.INFO)).isEqualTo("P5");
        assertThat(Severity.from("error")).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.from(null)).isEqualTo(Severity.WARNING);
    }
}
