package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers that are not what they look like, filters that let too little through, and answers that come late. */
class ReadingNumbersAndFiltersTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(TestAlerts alert) {
        return classifier.classify(alert.build(), WorkflowContext.NONE);
    }

    @Test
    void a_money_amount_or_a_digit_group_of_a_bigger_number_is_not_an_http_status() {
        Classification got = classify(alert().titled("Credits issued above the approval limit").label("tool", "credit_ledger")
                .description("Largest credit about 480 USD; parts at $21,474.84 and over."));

        assertThat(got.evidence()).doesNotContain("tool-http-errors");
    }

    @Test
    void a_permission_filter_that_only_passes_some_sources_hides_the_rest_and_is_no_jailbreak() {
        Classification got = classify(alert().from("grafana").titled("Case files visible to the assistant dropped")
                .description("Since the group migration the retriever's entitlement filter only passes files tagged with"
                        + " two of the nine regions; the index itself is complete."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void drafts_that_show_up_minutes_after_the_ticket_is_opened_or_that_used_to_take_seconds_are_late() {
        Classification late = classify(alert().titled("Agents start replies before the drafts arrive")
                .description("The drafts are good and nothing errors, but since Monday they show up 2 to 3 minutes after"
                        + " the agent opens the ticket."));
        Classification slower = classify(alert().titled("Quote drafts lagging")
                .description("Drafting a quote used to take about 20 seconds; this week reps wait for it."));

        assertThat(late.failureType()).as(late.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
        assertThat(slower.failureType()).as(slower.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    /** Whether the tool-http-errors rule reads an HTTP error in this (normalized) text about a tool. */
    private static boolean httpError(String normalized) {
        return ToolRules.TOOL_HTTP_ERRORS.match(new Signal(Where.TEXT, "description", normalized, normalized, null),
                normalized) != null;
    }

    @Test
    void a_count_of_status_codes_and_a_share_after_them_are_still_http_errors_but_money_is_not() {
        assertThat(httpError("37 503s from the booking tool in 10 minutes")).isTrue();
        assertThat(httpError("booking tool 5xx 14 since 09 10")).isTrue();
        assertThat(httpError("booking tool 502s 0 14")).isTrue();
        assertThat(httpError("booking tool credited about 480 usd")).isFalse();
        assertThat(httpError("booking tool fails for parts at 21 474 84")).isFalse();
    }

    @Test
    void errors_that_appeared_minutes_after_a_deploy_are_not_a_late_answer() {
        Classification got = classify(alert().titled("Tool errors after deploy")
                .description("Errors appeared 5 minutes after the deploy of the order tool."));

        assertThat(got.failureType()).as(got.evidence()).isNotEqualTo(FailureType.LATENCY_FAILURE);
    }
}
