package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.testing.RealAlertmanager;
import dev.threeam.testing.TestApp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 22.1: "Silence at the source" against a real Alertmanager (Debian's prometheus-alertmanager on a loopback port):
 * its webhook opens the incident, the on-call chooses a duration on the card, the silence silences the alert, a second
 * choice extends the same silence, and resolving expires it.
 */
class SilenceAtTheSourceTest extends ThreadFlow {

    private final int alertmanagerPort = RealAlertmanager.freePort();
    private RealAlertmanager alertmanager;

    @Override
    protected void prepare(Map<String, String> settings) {
        settings.put("ALERTMANAGER_URL", "http://127.0.0.1:" + alertmanagerPort + "/");
    }

    @AfterEach
    void stopAlertmanager() {
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    @Test
    void a_silence_chosen_on_the_card_silences_the_alert_in_alertmanager_is_extended_not_duplicated_and_expires_on_resolve()
            throws Exception {
        Assumptions.assumeTrue(RealAlertmanager.binary().isPresent(),
                "prometheus-alertmanager is not installed (apt-get install prometheus-alertmanager; .ci/run does): skipping the real silence test");
        alertmanager = RealAlertmanager.start(alertmanagerPort, dir, app.url("/alerts/alertmanager"), TestApp.TOKEN);
        alertmanager.fire(Map.of("alertname", "ChatLatencyHigh", "workflow", "helpdesk-bot", "severity", "critical"),
                "p95 latency 9.4 s > 4 s on chat");
        String id = incidentFromAlertmanager();
        JsonNode select = button(card(id), "silence");
        assertThat(select.path("type").asText()).isEqualTo("static_select");
        assertThat(StreamSupport.stream(select.path("options").spliterator(), false).map(option -> option.path("value").asText()))
                .containsExactly(id + "|30m", id + "|2h", id + "|8h");
        assertThat(select.path("confirm").path("title").path("text").asText()).isEqualTo("Silence at the source?");

        choose(ONCALL, "oncall.person", id, "2h");
        settled();

        JsonNode silence = onlySilence();
        String silenceId = silence.path("id").asText();
        assertThat(silence.path("status").path("state").asText()).isEqualTo("active");
        assertThat(silence.path("createdBy").asText()).isEqualTo("oncall.person");
        assertThat(silence.path("comment").asText()).contains(id);
        assertThat(StreamSupport.stream(silence.path("matchers").spliterator(), false).map(m -> m.path("name").asText() + "=" + m.path("value").asText()
                + (m.path("isEqual").asBoolean() && !m.path("isRegex").asBoolean() ? "" : "?")))
                .containsExactlyInAnyOrder("alertname=ChatLatencyHigh", "workflow=helpdesk-bot");
        Instant twoHours = Instant.parse(silence.path("endsAt").asText());
        assertThat(twoHours).isAfter(Instant.now().plusSeconds(7100));
        eventually().untilAsserted(() -> assertThat(alertmanager.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.path("status").path("state").asText()).isEqualTo("suppressed");
            assertThat(alert.path("status").path("silencedBy").toString()).contains(silenceId);
        }));
        assertThat(replies(id)).anySatisfy(reply -> assertThat(reply.text()).contains("Alertmanager silence created until")
                .contains("alertname=\"ChatLatencyHigh\"").contains(silenceId));
        assertThat(timeline(id)).anySatisfy(line -> assertThat(line).startsWith("Silence at the source for 2h").contains("<@U0ONCALL>"));
        assertThat(allText(card(id))).contains("silence 2h: done (<@U0ONCALL>)");

        choose(ONCALL, "oncall.person", id, "8h"); // extends the one silence
        settled();
        JsonNode extended = onlySilence();
        assertThat(extended.path("id").asText()).isEqualTo(silenceId);
        assertThat(Instant.parse(extended.path("endsAt").asText())).isAfter(twoHours.plusSeconds(5 * 3600));
        assertThat(replies(id)).anySatisfy(reply -> assertThat(reply.text()).contains("Alertmanager silence extended until"));

        choose(ONCALL, "oncall.person", id, "30m"); // ends sooner: keeps it
        settled();
        assertThat(privately(ONCALL)).singleElement().asString().contains("Already silenced at the source until");
        assertThat(alertmanager.silences()).hasSize(1);
        assertThat(incident(id).get("actions")).filteredOn(action -> action.get("kind").asText().equals("silence")).hasSize(2);

        press(ONCALL, id, "card", "resolve");
        settled();
        eventually().untilAsserted(() -> assertThat(onlySilence().path("status").path("state").asText()).isEqualTo("expired"));
        settled();
        assertThat(replies(id)).anySatisfy(reply -> assertThat(reply.text()).contains("Alertmanager silence " + silenceId + " expired"));
        assertThat(alertmanager.silences()).hasSize(1);
        assertThat(incident(id).get("actions")).anySatisfy(action -> {
            assertThat(action.get("kind").asText()).isEqualTo("silence");
            assertThat(action.get("target").asText()).isEqualTo("expire");
            assertThat(action.get("status").asText()).isEqualTo("done");
        });
    }

    /** The incident Alertmanager's webhook opened, once its thread is posted. */
    private String incidentFromAlertmanager() {
        eventually().until(() -> json(app.get("/api/incidents")).size() == 1);
        String id = json(app.get("/api/incidents")).get(0).get("id").asText();
        eventually().until(() -> ts(id) != null && replies(id).size() >= 7);
        settled();
        return id;
    }

    private JsonNode onlySilence() {
        JsonNode silences = alertmanager.silences();
        assertThat(silences).hasSize(1);
        return silences.get(0);
    }

    /** Chooses a duration in the card's select, as Slack sends it: a static_select action with its selected option. */
    HttpResponse<String> choose(String user, String name, String incidentId, String duration) {
        return chooseValue(this, user, name, incidentId, incidentId + "|" + duration);
    }

    static HttpResponse<String> chooseValue(ThreadFlow flow, String user, String name, String incidentId, String value) {
        SandboxMessage card = flow.card(incidentId);
        ObjectNode payload = (ObjectNode) read(dev.threeam.testing.Payloads.buttonPress(user, card.channel(), card.ts(), null, "card",
                "silence", value, "Silence"));
        ((ObjectNode) payload.get("user")).put("name", name);
        ObjectNode action = (ObjectNode) payload.get("actions").get(0);
        action.remove(List.of("value", "text"));
        action.put("type", "static_select");
        action.putObject("selected_option").put("value", value).putObject("text").put("type", "plain_text").put("text", "Silence");
        return flow.app.interaction(payload.toString());
    }
}
