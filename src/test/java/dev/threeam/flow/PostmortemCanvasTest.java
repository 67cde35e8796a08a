package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.sandbox.SandboxCanvas;
import org.junit.jupiter.api.Test;

/** Issue 22: the postmortem where the team is, as a canvas shared in the incident's channel, or the draft's link. */
class PostmortemCanvasTest extends ThreadFlow {

    private String resolved(String title) {
        String id = fire("retrieval_failure", title);
        press(ONCALL, id, "card", "ack");
        settled();
        press(ONCALL, id, "card", "resolve");
        settled();
        eventually().until(() -> actionIds(card(id)).contains("postmortem"));
        return id;
    }

    @Test
    void postmortem_on_a_resolved_card_creates_a_canvas_from_the_draft_shared_in_the_channel() {
        String id = resolved("Citation hit rate 0.41 < 0.90");
        String draft = app.get("/api/incidents/" + id + "/postmortem.md").body();

        press(ONCALL, id, "review", "postmortem");
        settled();

        assertThat(slack.canvases()).hasSize(1);
        SandboxCanvas canvas = slack.canvases().get(0);
        assertThat(canvas.title()).isEqualTo("Postmortem " + id + ": Citation hit rate 0.41 < 0.90");
        assertThat(canvas.markdown()).startsWith("# " + id + ": Citation hit rate").contains("## Timeline").contains("## The five questions");
        assertThat(draft).startsWith(canvas.markdown().substring(0, canvas.markdown().indexOf("## Timeline")));
        assertThat(canvas.channels()).containsExactly(SUPPORT);
        eventually().until(() -> replies(id).stream().anyMatch(reply -> reply.text().contains(canvas.url())));
        assertThat(timeline(id)).anyMatch(entry -> entry.contains("Postmortem canvas shared in the channel"));
    }

    @Test
    void a_second_press_makes_no_second_canvas_and_says_where_the_first_is() {
        String id = resolved("Citation hit rate 0.38 < 0.90");
        press(ONCALL, id, "review", "postmortem");
        settled();

        press(REVIEWER, id, "review", "postmortem");
        settled();

        assertThat(slack.canvases()).hasSize(1);
        assertThat(privately(REVIEWER)).anyMatch(text -> text.contains("already in the channel") && text.contains(slack.canvases().get(0).url()));
    }

    @Test
    void a_share_that_fails_for_a_moment_is_retried_with_the_same_canvas() {
        String id = resolved("Citation hit rate 0.36 < 0.90");
        slack.failNext("canvases.access.set", 500);

        press(ONCALL, id, "review", "postmortem");
        settled();

        assertThat(slack.faultsServed("canvases.access.set")).isEqualTo(1);
        assertThat(slack.canvases()).singleElement().satisfies(canvas -> assertThat(canvas.channels()).containsExactly(SUPPORT));
        eventually().until(() -> replies(id).stream().anyMatch(reply -> reply.text().contains(slack.canvases().get(0).url())));
    }

    @Test
    void a_workspace_that_refuses_canvases_gets_the_drafts_link_and_why() {
        String id = resolved("Citation hit rate 0.33 < 0.90");
        slack.refuseCanvasNext("free_team_canvas_tab_already_exists");

        press(ONCALL, id, "review", "postmortem");
        settled();

        assertThat(slack.canvases()).isEmpty();
        eventually().until(() -> replies(id).stream().anyMatch(reply -> reply.text().contains("/api/incidents/" + id + "/postmortem.md")));
        assertThat(replies(id)).anyMatch(reply -> reply.text().contains("free_team_canvas_tab_already_exists")
                && reply.text().contains("one canvas per channel"));

        press(ONCALL, id, "review", "postmortem"); // the workspace may allow it now: a press after a refusal tries again
        settled();
        assertThat(slack.canvases()).hasSize(1);
    }

    @Test
    void an_open_incident_has_no_postmortem_button_and_a_stale_press_is_refused() {
        String id = fire("retrieval_failure", "Citation hit rate 0.30 < 0.90");

        assertThat(actionIds(card(id))).doesNotContain("postmortem");
        pressOnCard(ONCALL, id, "postmortem", "canvas");
        settled();

        assertThat(slack.canvases()).isEmpty();
        assertThat(privately(ONCALL)).anyMatch(text -> text.contains("once " + id + " is resolved"));
    }
}
