package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The output got worse, said without quality words: errors only content can have, completeness or fidelity of what
 * was generated, an output checked against criteria, steps in the wrong order, things named that do not exist.
 */
class QualityInOtherWordsTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(TestAlerts alert) {
        return classifier.classify(alert.build(), WorkflowContext.NONE);
    }

    @Test
    void errors_of_a_kind_only_written_content_has_are_the_outputs_quality() {
        Classification rounding = classify(prometheus("InvoiceMemoRoundingErrors", "rounding errors in 7% of invoice memos"));
        Classification replies = classify(alert().titled("Support replies contain spelling mistakes in product names"));

        assertThat(rounding.failureType()).as(rounding.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(replies.failureType()).as(replies.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void recall_measured_on_what_was_generated_is_the_outputs_completeness_not_retrieval_recall() {
        Classification got = classify(prometheus("MedicationRecallLow", "Medication recall of generated discharge letters 0.88")
                .url("http://prom:9090/graph?g0.expr=discharge_medication_recall+%3C+0.95&g0.tab=1"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(got.runnerUp()).contains(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void how_complete_or_how_faithful_the_output_is_is_its_quality_but_the_contexts_completeness_is_retrieval() {
        Classification letters = classify(prometheus("DischargeLetterCompletenessLow",
                "discharge_letter_completeness 0.71 below 0.90 for 1h"));
        Classification headlines = classify(langsmith("summary_fidelity below 0.8", "feedback.summary_fidelity"));
        Classification context = classify(prometheus("ContextCompletenessLow",
                "context completeness of retrieved policy passages 0.62"));

        assertThat(letters.failureType()).as(letters.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(headlines.failureType()).as(headlines.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(context.failureType()).as(context.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_langsmith_feedback_key_says_what_was_scored_as_the_rules_name_does() {
        Classification criteria = classify(langsmith("alert 7 < 0.8", "feedback.clinical_criteria_match"));
        Classification recall = classify(langsmith("alert 8 < 0.8", "feedback.context_recall"));
        Classification rateLimits = classify(langsmith("alert 9 > 3", "feedback.rate_limit_hits"));

        assertThat(criteria.failureType()).as(criteria.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(criteria.evidence()).contains("criteria-match");
        assertThat(recall.failureType()).as(recall.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
        assertThat(rateLimits.failureType()).as(rateLimits.evidence()).isNotEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void an_output_checked_against_criteria_or_a_rubric_is_judged_but_search_criteria_are_the_querys() {
        Classification rubric = classify(langsmith("essay_rubric_adherence avg < 0.7", "feedback_score"));
        Classification met = classify(alert().titled("Eligibility criteria met in only 61% of appeal letters"));
        Classification search = classify(alert().titled("Search criteria match rate dropped for catalog queries"));

        assertThat(rubric.failureType()).as(rubric.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(met.failureType()).as(met.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(search.failureType()).as(search.evidence()).isNotEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void steps_of_generated_instructions_in_the_wrong_order_are_wrong_content_but_events_out_of_order_are_not() {
        Classification guides = classify(alert().titled("Assembly guides out of order")
                .description("Generated assembly guides list the steps in the wrong order for 8% of products."));
        Classification rate = classify(prometheus("RecipeStepOrderErrors", "recipe step order errors 4% (baseline 1%)"));
        Classification events = classify(prometheus("KafkaEventsOutOfOrder", "events out of order on partition 3"));

        assertThat(guides.failureType()).as(guides.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(rate.failureType()).as(rate.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(events.failureType()).as(events.evidence()).isNotEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void an_output_naming_things_that_do_not_exist_is_a_hallucination_also_when_the_sources_are_said_to_be_fine() {
        Classification hotels = classify(alert().titled("Itineraries recommend hotels that don't exist"));
        Classification pantry = classify(alert().titled("Meal plans with odd ingredients")
                .description("The pantry lookup is fine and the recipes passed in context are correct; the model"
                        + " invents the ingredient names."));

        assertThat(hotels.failureType()).as(hotels.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(pantry.failureType()).as(pantry.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    private static TestAlerts langsmith(String ruleName, String attribute) {
        return alert().from("langsmith").titled(ruleName).label("alert_rule_name", ruleName)
                .label("alert_rule_attribute", attribute).label("alert_rule_type", "threshold");
    }

    @Test
    void reviewers_keeping_only_a_share_of_the_drafts_is_quality_drift() {
        Classification kept = classify(prometheus("UnderwriterDraftsKept", "underwriters kept 61% of drafted referral notes this week"));
        Classification acceptance = classify(alert().from("grafana").titled("Claim letter acceptance below 80%"));

        assertThat(kept.failureType()).as(kept.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(acceptance.failureType()).as(acceptance.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void a_metric_the_runbook_lists_as_a_quality_signal_is_quality_even_where_spend_and_speed_are_named() {
        WorkflowContext promos = new WorkflowContext("promo-copy", List.of("promo-writer"), List.of(), List.of(), null,
                List.of(QualityBar.of("copy_approval_rate")));

        Classification got = new Classifier().classify(alert().from("datadog").titled("Drafts approved as-is below 80%")
                .description("copy_approval_rate for promo-writer is 0.52. Drafts come out on schedule and no tool call"
                        + " failed; compliance sends back about half of them since Tuesday.").build(), promos);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(got.evidence()).contains("quality signal `copy_approval_rate`");
    }

    @Test
    void a_quality_signal_whose_name_holds_a_retrieval_word_is_still_the_runbooks_quality_signal() {
        WorkflowContext coaching = new WorkflowContext("coaching-notes", List.of(), List.of(), List.of(), null,
                List.of(QualityBar.of("event_grounding")));

        Classification got = new Classifier().classify(alert().from("datadog")
                .titled("event_grounding below 0.9 on weekly coaching notes")
                .description("Notes count three hard-braking events where telematics has one.").build(), coaching);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void a_quality_signal_whose_value_in_the_alert_clears_the_runbooks_bar_is_fine() {
        WorkflowContext triage = new WorkflowContext("soc-triage", List.of(), List.of(), List.of(), null,
                List.of(new QualityBar("verdict_agreement", ">= 0.8")));

        Classification got = new Classifier().classify(prometheus("TimeToFirstDraft", "time to first draft p95 252 s (SLO 45 s)")
                .description("verdict_agreement 0.86 this shift; the time goes into our own model calls.").build(), triage);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void a_quality_signal_whose_value_misses_the_bar_is_quality_evidence() {
        QualityBar bar = new QualityBar("copy_approval_rate", ">= 0.8");

        assertThat(bar.met("copy_approval_rate for service:promo-writer is 0.52 (threshold 0.8)")).contains(false);
        assertThat(bar.met("verdict_agreement 0.86")).isEmpty();
        assertThat(new QualityBar("prep_forecast_mape", "<= 0.18").met("prep_forecast_mape 0.34")).contains(false);
    }
}
