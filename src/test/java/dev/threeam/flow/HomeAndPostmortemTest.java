package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.sandbox.SandboxCall;
import dev.threeam.testing.Payloads;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 6: the App Home for managers, and the postmortem draft for the review. */
class HomeAndPostmortemTest extends ThreadFlow {

    private HttpResponse<String> openHome(String user) {
        String event = """
                {"token":"x","team_id":"T0SANDBOX","api_app_id":"A0THREEAM","type":"event_callback","event_id":"Ev%d",
                 "event_time":%d,"event":{"type":"app_home_opened","user":"%s","channel":"D0HOME","tab":"home","event_ts":"%d.000100"}}"""
                .formatted(System.nanoTime(), System.currentTimeMillis() / 1000, user, System.currentTimeMillis() / 1000);
        return app.slack(event, "application/json");
    }

    @Test
    void opening_the_app_home_publishes_open_incidents_and_the_last_seven_days() {
        String open = fire("retrieval_failure", "recall@5 0.41 < 0.7");
        String closed = fire("latency_failure", "p95 latency 6 s");
        press(ONCALL, closed, "card", "ack");
        press(ONCALL, closed, "q1", "q1_latency_failure");
        press(ONCALL, closed, "card", "resolve");
        settled();

        HttpResponse<String> response = openHome(ONCALL);

        assertThat(response.statusCode()).isEqualTo(200);
        List<SandboxCall> published = slack.calls("views.publish");
        assertThat(published).singleElement().satisfies(call -> assertThat(call.param("user_id")).isEqualTo(ONCALL));
        var home = slack.workspace().views().home(ONCALL).orElseThrow().view();
        assertThat(home.path("type").asText()).isEqualTo("home");
        StringBuilder text = new StringBuilder();
        collectText(home.path("blocks"), text);
        assertThat(text.toString()).contains("Open incidents: 1").contains(open).contains("recall@5 0.41").doesNotContain(closed + "*")
                .contains("Last 7 days: 2 incidents").contains("`latency_failure` 1").contains("`retrieval_failure` 1")
                .contains("Median time to acknowledge").contains("to resolve")
                .contains("Questions left unanswered most").contains("Q2 (2/2 unanswered)");
    }

    @Test
    void the_postmortem_draft_quotes_every_timeline_entry_the_five_answers_actions_and_examples() {
        change("model_route", "Route chat to gpt-4.1-mini", "gpt-4o-mini", "gpt-4.1-mini", "sam");
        String id = fire("latency_failure", "p95 latency 9.9 s > 4 s");
        press(ONCALL, id, "card", "ack");
        press(ONCALL, id, "q1", "q1_provider_outage");
        String changeButton = actionIds(messageWithBlock(id, "q2").orElseThrow()).get(0);
        press(ONCALL, id, "q2", changeButton);
        press(ONCALL, id, "q3", "rollback_previous-model");
        press(ONCALL, id, "q4", "q4_no");
        press(ONCALL, id, "q5", "q5_monitoring");
        app.interaction(Payloads.viewSubmission(ONCALL, "q5_examples", id + "|monitoring", "examples", "text", "trace-42\ntrace-43"));
        pressOnCard(ONCALL, id, "ack", "ack");
        settled();
        press(ONCALL, id, "card", "resolve");
        settled();

        HttpResponse<String> response = app.get("/api/incidents/" + id + "/postmortem.md");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        String draft = response.body();
        List<String> timeline = timeline(id);
        assertThat(timeline).hasSizeGreaterThan(8);
        for (String entry : timeline) {
            assertThat(draft).contains(asMarkdownCell(entry));
        }
        assertThat(draft).contains("**Provider outage** (U0ONCALL")
                .contains("**model_route: Route chat to gpt-4.1-mini** (U0ONCALL")
                .contains("**Route chat to the previous model** (U0ONCALL")
                .contains("**No** (U0ONCALL")
                .contains("**Monitoring set** (U0ONCALL")
                .doesNotContain("**unanswered**");
        assertThat(draft).contains("## Suspected change").contains("sam changed model_route of support-chat: Route chat to gpt-4.1-mini (gpt-4o-mini → gpt-4.1-mini)");
        assertThat(draft).contains("rollback previous-model by U0ONCALL: **done**");
        assertThat(draft).contains("### monitoring").contains("- trace-42 (U0ONCALL)").contains("- trace-43 (U0ONCALL)");
        assertThat(draft).contains("- Resolved: 20");
    }

    /** How the draft writes a timeline text in its table: Slack escapes undone, pipes escaped, one line. */
    private static String asMarkdownCell(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("\u200B", "")
                .replace("|", "\\|").replace("\n", " ");
    }
}
