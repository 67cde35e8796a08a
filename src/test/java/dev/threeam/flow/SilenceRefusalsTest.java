package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.common.Json;
import dev.threeam.testing.RealAlertmanager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 22.1, bad input and failure: an Alertmanager that does not answer (the thread says so, nothing half-done), an
 * unknown duration, someone outside the on-call group, and incidents that get no select.
 */
class SilenceRefusalsTest extends ThreadFlow {

    /** Nothing listens there. */
    private final int closedPort = RealAlertmanager.freePort();

    @Override
    protected void prepare(Map<String, String> settings) {
        settings.put("ALERTMANAGER_URL", "http://127.0.0.1:" + closedPort);
        settings.put("ACTION_RETRY_FOR", "0s"); // given up at the first retry
    }

    /** An Alertmanager webhook as Alertmanager sends it, straight to 3am. */
    static String alertmanagerWebhook(String alertname) {
        Map<String, String> labels = Map.of("alertname", alertname, "workflow", "helpdesk-bot", "severity", "critical");
        return Json.write(Map.of("version", "4", "status", "firing", "receiver", "threeam",
                "groupKey", "{}:{alertname=\"" + alertname + "\", workflow=\"helpdesk-bot\"}",
                "groupLabels", Map.of("alertname", alertname, "workflow", "helpdesk-bot"), "commonLabels", labels,
                "commonAnnotations", Map.of(), "externalURL", "http://alertmanager:9093",
                "alerts", List.of(Map.of("status", "firing", "labels", labels, "annotations", Map.of("summary", "p95 latency 9.4 s > 4 s on chat"),
                        "startsAt", "2026-11-28T02:00:00Z", "endsAt", "0001-01-01T00:00:00Z", "fingerprint", "fp-" + alertname))));
    }

    private String alertmanagerIncident() {
        var response = app.post("/alerts/alertmanager", alertmanagerWebhook("ChatLatencyHigh"));
        assertThat(response.statusCode()).isEqualTo(202);
        String id = json(response).get("incidents").get(0).asText();
        eventually().until(() -> ts(id) != null && replies(id).size() >= 7);
        settled();
        return id;
    }

    @Test
    void alertmanager_not_answering_is_said_in_the_thread_and_nothing_is_left_silenced() {
        String id = alertmanagerIncident();

        SilenceAtTheSourceTest.chooseValue(this, ONCALL, "oncall.person", id, id + "|2h");
        eventually().until(() -> replies(id).stream().anyMatch(reply -> reply.text().contains("Could not silence at the source")));
        settled();

        assertThat(replies(id)).filteredOn(reply -> reply.text().contains("Alertmanager not reachable, retrying")).hasSize(1);
        assertThat(replies(id)).filteredOn(reply -> reply.text().contains("Could not silence at the source")).singleElement()
                .satisfies(reply -> assertThat(reply.text()).contains("Nothing was silenced").contains("gave up"));
        assertThat(incident(id).get("actions")).singleElement().satisfies(action -> {
            assertThat(action.get("kind").asText()).isEqualTo("silence");
            assertThat(action.get("status").asText()).isEqualTo("failed");
        });
        assertThat(allText(card(id))).contains("silence 2h: failed").doesNotContain("created until");

        // nothing half-done: a new choice tries again rather than being told it is already silenced
        SilenceAtTheSourceTest.chooseValue(this, ONCALL, "oncall.person", id, id + "|30m");
        eventually().until(() -> replies(id).stream().filter(reply -> reply.text().contains("Could not silence at the source")).count() == 2);
        assertThat(privately(ONCALL)).isEmpty();
    }

    @Test
    void an_unknown_duration_is_refused_privately_and_changes_nothing() {
        String id = alertmanagerIncident();
        int posts = posts().size();
        int entries = timeline(id).size();

        SilenceAtTheSourceTest.chooseValue(this, ONCALL, "oncall.person", id, id + "|5d");
        settled();

        assertThat(privately(ONCALL)).singleElement().asString().contains("Unknown silence duration \"5d\"").contains("30m, 2h or 8h");
        assertThat(posts()).hasSize(posts);
        assertThat(timeline(id)).hasSize(entries);
        assertThat(incident(id).get("actions")).isEmpty();
    }

    @Test
    void someone_outside_the_on_call_group_is_refused_and_the_attempt_is_on_the_timeline() {
        String id = alertmanagerIncident();

        SilenceAtTheSourceTest.chooseValue(this, OUTSIDER, "stranger", id, id + "|2h");
        settled();

        assertThat(privately(OUTSIDER)).singleElement().asString().contains("You may not silence").contains("S0HELPDESK");
        assertThat(incident(id).get("actions")).isEmpty();
        assertThat(timeline(id)).contains("Silence for 2h by <@U0STRANGER> refused: not allowed");
    }

    @Test
    void an_incident_whose_alerts_did_not_come_from_alertmanager_has_no_select_and_a_forged_choice_is_refused() {
        String id = fire("latency_failure", "p95 latency 9.4 s > 4 s on chat");

        assertThat(actionIds(card(id))).doesNotContain("silence");
        SilenceAtTheSourceTest.chooseValue(this, ONCALL, "oncall.person", id, id + "|2h");
        assertThat(privately(ONCALL)).singleElement().asString().contains("did not come from Alertmanager");
        assertThat(incident(id).get("actions")).isEmpty();
    }
}
