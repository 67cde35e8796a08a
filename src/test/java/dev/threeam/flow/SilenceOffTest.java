package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 22.1: without ALERTMANAGER_URL the card offers no silence, even for an Alertmanager incident. */
class SilenceOffTest extends ThreadFlow {

    @Test
    void without_alertmanager_url_there_is_no_select_and_a_forged_choice_is_refused() {
        var response = app.post("/alerts/alertmanager", SilenceRefusalsTest.alertmanagerWebhook("ChatLatencyHigh"));
        String id = json(response).get("incidents").get(0).asText();
        eventually().until(() -> ts(id) != null && replies(id).size() >= 7);
        settled();

        assertThat(actionIds(card(id))).doesNotContain("silence").contains("resolve");
        SilenceAtTheSourceTest.chooseValue(this, ONCALL, "oncall.person", id, id + "|2h");
        assertThat(privately(ONCALL)).singleElement().asString().contains("ALERTMANAGER_URL is not set");
        assertThat(incident(id).get("actions")).isEmpty();
    }
}
