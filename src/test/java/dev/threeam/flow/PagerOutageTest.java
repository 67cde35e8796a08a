package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.sandbox.SandboxMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PagerDuty down (503) while the on-call escalates: the page is retried with backoff, the thread says once that
 * PagerDuty is not reachable and again when the page goes through, or when it is given up (with a Retry button);
 * nobody is paged twice.
 */
class PagerOutageTest extends ThreadFlow {

    private final RecordingServer pagerDuty = new RecordingServer(503, "{\"status\":\"unavailable\"}");

    @Override
    protected void prepare(Map<String, String> settings) {
        settings.put("PAGERDUTY_EVENTS_URL", pagerDuty.url("/v2/enqueue"));
        settings.put("ACTION_RETRY_FOR", "4s");
    }

    @AfterEach
    void stopPagerDuty() {
        pagerDuty.close();
    }

    private List<String> said(String id, String words) {
        return replies(id).stream().map(SandboxMessage::text).filter(text -> text.contains(words)).toList();
    }

    private long accepted() {
        return pagerDuty.received().stream().filter(request -> request.answered() == 202).count();
    }

    @Test
    void a_page_pagerduty_refuses_with_503_for_a_while_is_retried_said_once_and_goes_through_once_it_is_back() {
        String id = fire("cost_failure", "spend 212 USD/day > budget 150");

        press(ONCALL, id, "q4", "q4_yes");
        eventually().until(() -> pagerDuty.received().size() >= 2);
        pagerDuty.answerWith(202);
        eventually().until(() -> accepted() == 1 && !said(id, "paged").isEmpty());
        settled();

        assertThat(said(id, "PagerDuty not reachable, retrying")).as("said once").singleElement().asString()
                .contains("engineering").contains("503");
        assertThat(said(id, "via pagerduty")).singleElement().asString().contains(":pager:").contains("HTTP 202");
        assertThat(accepted()).as("paged once").isEqualTo(1);
        assertThat(pagerDuty.received()).allSatisfy(request -> assertThat(read(request.body()).get("dedup_key").asText()).isEqualTo(id));
        assertThat(said(id, "Paging")).as("the Slack mentions are not repeated").hasSize(2);
        assertThat(incident(id).get("actions")).anySatisfy(action -> {
            assertThat(action.get("target").asText()).contains("pagerduty");
            assertThat(action.get("status").asText()).isEqualTo("done");
        });
    }

    @Test
    void a_page_pagerduty_keeps_refusing_is_given_up_with_a_retry_button_that_pages_once_it_is_back() {
        String id = fire("cost_failure", "spend 212 USD/day > budget 150");

        press(ONCALL, id, "q4", "q4_yes");
        eventually().until(() -> messageWithBlock(id, "retry").isPresent());
        settled();

        SandboxMessage gaveUp = messageWithBlock(id, "retry").orElseThrow();
        assertThat(gaveUp.text()).contains("could not page").contains("engineering").contains("gave up after 4 s").contains("503");
        assertThat(actionIds(gaveUp)).containsExactly("retry_page_engineering_pagerduty");
        assertThat(said(id, "PagerDuty not reachable, retrying")).hasSize(1);
        assertThat(accepted()).isZero();

        pagerDuty.answerWith(202);
        press(ONCALL, id, "retry", "retry_page_engineering_pagerduty");
        eventually().until(() -> accepted() == 1);
        settled();

        assertThat(said(id, "via pagerduty: HTTP 202")).hasSize(1);
        assertThat(timeline(id)).contains("Page of engineering via pagerduty retried by <@U0ONCALL>");
        assertThat(said(id, "Paging")).as("the Slack mentions are not repeated").hasSize(2);

        press(ONCALL, id, "retry", "retry_page_engineering_pagerduty");
        assertThat(privately(ONCALL)).singleElement().asString().contains("already done");
        assertThat(accepted()).isEqualTo(1);
    }
}
