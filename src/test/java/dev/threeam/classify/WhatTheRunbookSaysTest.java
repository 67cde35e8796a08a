package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runbook read the way its on-call reads it, beside the alert: the graders its Quality drift section names, the
 * known limits a single flagged run breaks, a limit that says what a failing tool means, and the values and baselines
 * an alert quotes.
 */
class WhatTheRunbookSaysTest {

    private final Classifier classifier = new Classifier();

    /** Credits above a limit wait for a supervisor's approval event; the credits are written by a tool. */
    private static final WorkflowContext STORE_CREDIT = new WorkflowContext("store-credit", List.of("credit-desk"),
            List.of(), List.of("A credit of more than 200 EUR waits for a supervisor's approve_credit event."), null,
            List.of(), List.of("credit_ledger"));

    private static TestAlerts langsmith(String ruleName, String threshold, String value) {
        return alert().from("langsmith").titled(ruleName).label("alert_rule_name", ruleName)
                .label("alert_rule_attribute", "feedback_score").label("alert_rule_type", "threshold")
                .value("triggered_threshold", threshold).value("triggered_metric_value", value);
    }

    @Test
    void a_grader_the_quality_section_names_is_quality_evidence_even_when_its_name_holds_a_budget_word() {
        WorkflowContext quotes = new WorkflowContext("freight-quoter", List.of(), List.of(), List.of(), null,
                List.of(QualityBar.of("budget_fit")));

        Classification got = classifier.classify(prometheus("QuoteBudgetFitLow",
                "budget_fit 0.58 on sampled freight quotes (was 0.91)").build(), quotes);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(got.evidence()).contains("`budget_fit`");
    }

    @Test
    void a_rule_that_fires_on_one_flagged_run_and_shares_a_word_with_a_known_limit_is_that_limit_broken() {
        WorkflowContext pharmacy = new WorkflowContext("refill-helper", List.of(), List.of(), List.of(
                "Never tells a patient to change, stop or combine a prescription; dosing questions go to the pharmacist."),
                null);

        Classification flagged = classifier.classify(langsmith("told_to_combine_prescriptions", "0", "4").build(), pharmacy);
        Classification rated = classifier.classify(langsmith("answer_helpfulness < 0.7", "0.7", "0.55").build(), pharmacy);

        assertThat(flagged.failureType()).as(flagged.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
        assertThat(flagged.evidence()).contains("known limit");
        assertThat(rated.failureType()).as(rated.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void one_shared_word_is_not_enough_when_the_alert_does_not_fire_on_a_single_run() {
        WorkflowContext pharmacy = new WorkflowContext("refill-helper", List.of(), List.of(), List.of(
                "Never tells a patient to change, stop or combine a prescription; dosing questions go to the pharmacist."),
                null);

        Classification got = classifier.classify(langsmith("prescription_lookup_latency_p95", "4", "9.5").build(), pharmacy);

        assertThat(got.failureType()).as(got.evidence()).isNotEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void a_known_limit_that_names_a_tool_says_what_that_tool_failing_means() {
        WorkflowContext rentals = new WorkflowContext("scooter-rentals", List.of(), List.of(), List.of(
                "No ride is unlocked unless license_check has passed for the rider; a pending or failed check is not passed."),
                null, List.of(), List.of("license_check", "unlock_vehicle"));

        Classification got = classifier.classify(alert().from("datadog").titled("Rides unlocked with license_check not passed")
                .description("52 rides in the last hour were unlocked with license_check in (pending, error) after the"
                        + " vendor timed out.").build(), rentals);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void an_alert_name_that_spells_a_runbook_tool_in_words_names_that_tool() {
        WorkflowContext rentals = new WorkflowContext("scooter-rentals", List.of(), List.of(), List.of(), null, List.of(),
                List.of("unlock_vehicle"));

        Classification got = classifier.classify(alert().from("grafana").titled("UnlockVehicleErrors")
                .label("alertname", "UnlockVehicleErrors").build(), rentals);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.TOOL_FAILURE);
        assertThat(got.evidence()).contains("`unlock_vehicle`");
    }

    @Test
    void a_number_with_a_unit_after_a_quality_signal_is_its_window_not_its_value() {
        QualityBar bar = new QualityBar("draft_acceptance", ">= 0.80");

        assertThat(bar.met("draft_acceptance (approved as written / drafted, 24h window) is 0.66")).contains(false);
        assertThat(bar.met("draft_acceptance 91% this week")).contains(true);
        assertThat(bar.met("draft_acceptance 66% this week")).contains(false);
        assertThat(bar.met("draft_acceptance (approved as written / drafted, 24h window) is 0.91")).contains(true);
        assertThat(bar.met("draft_acceptance on claude-3-5-sonnet is 0.61")).contains(false);
    }

    @Test
    void a_baseline_written_as_vs_normal_is_not_a_verdict_that_latency_is_normal() {
        Classification got = classifier.classify(alert().titled("Pick-list copilot answers taking 60s+")
                .description("Warehouse waves stalled (each hour stalled costs ~$9,000). Pickers wait 60-80s per answer, p95"
                        + " 71s vs 12s normal. Answers are right when they arrive.").build(), WorkflowContext.NONE);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void an_index_swapped_in_with_a_fraction_of_its_documents_is_half_built_even_after_an_oom() {
        Classification got = classifier.classify(alert().titled("reindex help-articles: alias swapped with 3,204 / 19,870 docs")
                .description("embedding workers were OOM-killed at shard 2 of 9 and the job still swapped the alias; the"
                        + " assistant now only sees 16% of the help articles.").build(), WorkflowContext.NONE);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void no_approve_event_named_beside_a_limit_that_requires_it_is_the_limit_broken_not_the_tool_that_ran() {
        Classification got = classifier.classify(alert().from("datadog")
                .titled("Large credits issued with no supervisor approve_credit").label("tool", "credit_ledger")
                .description("9 credits above the limit in the last hour, the largest about 480 USD; the bot calls"
                        + " credit_ledger right after the customer asks.").build(), STORE_CREDIT);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void a_zero_threshold_rule_named_after_a_tool_is_that_tool_not_a_limit_broken() {
        Classification got = classifier.classify(langsmith("credit_ledger_errors", "0", "7").build(), STORE_CREDIT);

        assertThat(got.failureType()).as(got.evidence()).isNotEqualTo(FailureType.POLICY_FAILURE);
    }
}
