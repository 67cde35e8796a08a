package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13, point 1: evidence comes from what failed, never from names; negations and contrasts count. */
class ReadingLikeAnOnCallTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(TestAlerts alert) {
        return classifier.classify(alert.build(), WorkflowContext.NONE);
    }

    @Test
    void a_tool_named_after_search_is_not_evidence_of_a_retrieval_failure() {
        Classification got = classify(prometheus("AgentToolErrorRateHigh", "tool calls failing on 12% of runs")
                .label("gen_ai_tool_name", "search_knowledge_base").label("error_type", "ValidationError"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.TOOL_FAILURE);
    }

    @Test
    void a_service_name_in_the_title_is_not_evidence() {
        Classification got = classify(alert().from("datadog").titled("p95 latency 9.2s on rag-retriever-gateway")
                .label("service", "rag-retriever-gateway"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
        assertThat(got.runnerUp()).as(got.evidence()).isEmpty();
    }

    @Test
    void the_workflow_aliases_are_names_not_evidence() {
        WorkflowContext peoplebot = new WorkflowContext("hr-policy-qa", List.of("retriever-gateway", "peoplebot-rag"),
                List.of(), List.of());

        Classification got = classifier.classify(alert().titled("retriever-gateway: token usage per answer tripled")
                .build(), peoplebot);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.COST_FAILURE);
        assertThat(got.runnerUp()).isEmpty();
    }

    @Test
    void a_generated_pod_name_in_prose_is_not_evidence() {
        Classification got = classify(prometheus("ChatAnswersSlow", "answers slow")
                .description("Pod embedding-worker-7f9c6d-x2x8q serves the p95 of 11s; users abandon the chat."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void a_money_amount_in_a_breach_description_is_not_a_cost_failure() {
        Classification got = classify(alert().titled("Refund agent issued a $2,400 refund")
                .description("The agent refunded $2,400 without the manager approval the policy requires."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void what_a_sentence_says_is_fine_is_ruled_out() {
        Classification got = classify(prometheus("AnswerQualityDegraded", "answer quality degraded")
                .description("Retrieval is fine and recall@5 is normal, but the model ignores the retrieved context."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void a_contrast_points_at_what_follows_it() {
        Classification got = classify(alert().titled("Support assistant degraded")
                .description("Latency and error rates look normal, but answers now cite the archived 2023 refund policy."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void no_sign_of_provider_errors_rules_the_provider_out() {
        Classification got = classify(prometheus("ChatLatencyP95High", "chat p95 12s (SLO 4s)")
                .label("gen_ai_provider_name", "openai")
                .description("No sign of OpenAI errors or 429s; the time goes into our own prompt assembly."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void a_cost_within_budget_is_not_a_cost_failure() {
        Classification got = classify(alert().titled("Faithfulness 0.64 < 0.85 on claims summaries")
                .description("Spend is within budget; judges flag invented figures in 1 of 5 summaries."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(got.runnerUp()).as(got.evidence()).isNotEqualTo(java.util.Optional.of(FailureType.COST_FAILURE));
    }

    @Test
    void a_singular_health_phrase_does_not_rule_out_what_came_before_and() {
        Classification got = classify(alert().titled("Agent run health")
                .description("Token spend per run doubled overnight and latency is normal."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.COST_FAILURE);
    }

    @Test
    void genai_attributes_say_what_failed() {
        Classification got = classify(prometheus("GenAIOperationErrors", "operation errors above 5%")
                .label("gen_ai_operation_name", "execute_tool").label("error_type", "tool_timeout"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.TOOL_FAILURE);
    }

    @Test
    void the_links_in_a_monitor_body_are_not_evidence() {
        Classification got = classify(alert().from("datadog").titled("[Triggered] Ingest queue depth 9k on nightly-loader")
                .description("queue.depth is 9,120 (threshold 1,000).\n\nMonitor Status: https://app.datadoghq.com/monitors/1?"
                        + "from_ts=1&to_ts=2&eval_ts=2\nDashboard: <https://grafana.example/d/judge-evals|queue board>"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.UNCLASSIFIED);
        assertThat(got.evidence()).doesNotContain("eval");
    }

    @Test
    void langsmiths_feedback_score_attribute_lets_the_rules_name_decide() {
        Classification got = classify(alert().from("langsmith").titled("support kb: chunk_relevance < 0.55")
                .label("alert_rule_name", "support kb: chunk_relevance < 0.55").label("alert_rule_attribute", "feedback_score"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_feedback_score_with_no_other_words_still_reads_as_the_answers_getting_worse() {
        Classification got = classify(alert().from("langsmith").titled("helpfulness < 0.7")
                .label("alert_rule_name", "helpfulness < 0.7").label("alert_rule_attribute", "feedback_score"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void a_score_falling_under_its_threshold_with_no_other_words_is_the_output_getting_worse() {
        Classification got = classify(prometheus("ConciergePersonaScoreLow", "Persona score 0.58 < 0.75"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void a_falling_score_gives_way_to_another_types_own_words() {
        Classification got = classify(prometheus("KbContextRelevanceScoreLow", "context relevance score dropped to 0.41"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_screening_classifiers_precision_is_its_quality_whatever_category_it_screens_for() {
        Classification got = classify(alert().from("datadog").titled("abuse screen harassment precision 0.74 < 0.90")
                .description("False positives on quoted film dialogue tripled this week."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void recall_of_what_a_summary_should_carry_is_not_retrieval_recall() {
        Classification got = classify(alert().titled("Action item recall 0.55 (need 0.80)")
                .description("Meeting summaries are no longer capturing owners and due dates."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void an_accuracy_eval_of_refusals_measures_the_policy_not_the_answers() {
        Classification got = classify(alert().from("langsmith").titled("refusal_accuracy on dosage probes < 0.98")
                .label("alert_rule_name", "refusal_accuracy on dosage probes < 0.98").label("alert_rule_attribute", "feedback_score"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void relevance_of_what_was_retrieved_is_retrieval_and_relevance_of_the_answer_is_quality() {
        Classification listings = classify(alert().from("langsmith").titled("listings relevance (LLM judge) < 0.6")
                .label("alert_rule_name", "listings relevance (LLM judge) < 0.6").label("alert_rule_attribute", "feedback_score"));
        Classification answers = classify(alert().from("langsmith").titled("answer relevance (LLM judge) < 0.6")
                .label("alert_rule_name", "answer relevance (LLM judge) < 0.6").label("alert_rule_attribute", "feedback_score"));

        assertThat(listings.failureType()).as(listings.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
        assertThat(answers.failureType()).as(answers.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void a_notification_handle_in_a_monitor_body_is_not_evidence() {
        Classification got = classify(alert().from("datadog").titled("[Triggered] Nightly batch finished late")
                .description("@slack-tool-failures @webhook-3am"));

        assertThat(got.evidence()).doesNotContain("tool");
        assertThat(got.failureType()).as(got.evidence()).isNotEqualTo(FailureType.TOOL_FAILURE);
    }

    @Test
    void tool_calls_answering_in_milliseconds_are_not_where_the_time_goes() {
        Classification got = classify(prometheus("AssistantP95High", "End-to-end p95 9.8s > 4s")
                .description("All tool calls under 200 ms; the time is in generation."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void a_vendor_behind_a_tool_is_the_tools_dependency_not_the_model_provider() {
        Classification got = classify(alert().titled("geocode tool: maps vendor answers 503")
                .label("gen_ai_tool_name", "geocode").description("The maps vendor returns 503 for 30% of lookups."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.TOOL_FAILURE);
    }

    @Test
    void refusals_after_a_provider_side_model_update_are_the_providers_but_a_breach_stands() {
        Classification refusals = classify(alert().titled("Refusal rate 22% on travel questions")
                .description("After OpenAI moved gpt-4o to a new default snapshot, refusals went from 1% to 22%. Nothing changed on our side."));
        Classification leak = classify(alert().titled("PII leaked in answers")
                .description("After OpenAI moved gpt-4o to a new default snapshot, answers echo customers' phone numbers."));

        assertThat(refusals.failureType()).as(refusals.evidence()).isEqualTo(FailureType.PROVIDER_OUTAGE);
        assertThat(leak.failureType()).as(leak.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void a_cost_cutting_measure_is_not_a_cost_failure() {
        Classification got = classify(alert().titled("Product index not refreshed since the cost freeze")
                .description("The nightly reindex was paused in the cost freeze; new SKUs are missing from the index."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_duration_against_a_time_goal_is_latency_in_either_order() {
        Classification got = classify(alert().titled("Report drafts ready after 12 min (target 3 min)"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void a_value_said_to_be_unchanged_is_ruled_out_even_after_a_comma() {
        Classification got = classify(alert().from("datadog").titled("[Triggered] SpendGuard eval: coherence 2.8/5")
                .description("Coherence of the generated briefs fell from 4.1. Cost per brief USD 0.02, unchanged. Response times unchanged."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void a_step_as_fast_as_always_is_not_where_the_failure_is() {
        Classification got = classify(alert().titled("Search answers slow")
                .description("Index lookup 60 ms as always; generation p99 28s vs 6s."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void latency_that_fell_is_no_latency_failure_and_the_reason_it_fell_is_the_point() {
        Classification got = classify(prometheus("RecipeBotP95Dropped", "p95 dropped from 5s to 0.7s")
                .description("Latency fell because the recipe search returns zero results for 70% of queries."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void money_amounts_in_prose_are_data_the_answers_are_about_not_a_bill() {
        Classification got = classify(prometheus("RefundAnswersWrongAmounts", "Refund answers wrong - order total USD 1,200 quoted as USD 12")
                .description("Golden-set check: the assistant misreads totals on 8% of orders."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void running_past_a_stated_time_limit_is_latency() {
        Classification timingOut = classify(alert().titled("Report export timing out at 90s"));
        Classification deadline = classify(alert().titled("Nightly digest")
                .description("The digest step exceeds the 120s worker deadline on 30% of runs."));

        assertThat(timingOut.failureType()).as(timingOut.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
        assertThat(deadline.failureType()).as(deadline.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void a_metric_the_prose_says_is_measured_on_the_output_is_quality_whatever_its_name() {
        Classification got = classify(alert().from("datadog").titled("[Triggered] chunk_ndcg@10 below SLO")
                .description("Editor-labelled ndcg@10 of the answers is 0.55 vs 0.80 SLO."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void complaints_without_a_symptom_decide_no_type() {
        Classification vague = classify(alert().from("datadog").titled("[Triggered] Customer complaints up")
                .description("Something is off with the assistant, several complaints this morning. Can someone look?"));
        Classification slow = classify(alert().from("datadog").titled("[Triggered] Customer complaints up")
                .description("Customers complain the assistant is slow: answers take 20 seconds."));

        assertThat(vague.failureType()).as(vague.evidence()).isEqualTo(FailureType.UNCLASSIFIED);
        assertThat(slow.failureType()).as(slow.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void no_tool_call_failed_clears_the_tools_and_leaves_what_is_slow() {
        Classification got = classifier.classify(prometheus("QuoteDraftP95High", "quote drafting p95 19s (SLO 8s)")
                .description("Quotes are still correct and not one pricing API call failed; it is only slow.").build(),
                WorkflowContext.NONE);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void spend_inside_the_days_budget_says_cost_is_fine() {
        Classification got = classify(alert().titled("Answers rated unhelpful by reviewers: 31%")
                .description("Spend is inside the day's budget; reviewers mark a third of the answers unhelpful."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void every_tool_call_answered_says_the_tools_are_fine() {
        Classification got = classify(alert().titled("Backtest: forecast error 0.34 on the golden set")
                .description("Token use is flat and every tool call answered; the forecasts themselves are wrong."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void a_count_over_the_last_fifteen_minutes_is_a_window_not_a_latency() {
        Classification got = classify(alert().from("datadog").titled("Refunds issued without manager approval")
                .description("refunds.unapproved = 4 in the last 15 min (threshold 0)."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void health_words_in_a_quoted_reply_are_what_the_bot_said_not_the_authors_verdict() {
        Clauses clauses = Clauses.of(Words.prose("Two replies:\n> Half an aspirin is usually fine for a dog.\nNot ok."));
        String prose = Words.prose("Two replies:\n> Half an aspirin is usually fine for a dog.\nNot ok.");

        assertThat(clauses.factor(prose.indexOf("aspirin"))).isEqualTo(1.0);
        assertThat(prose).contains(Words.QUOTE_MARK);
    }

    @Test
    void no_tool_timeouts_clears_the_tools() {
        Classification got = classify(prometheus("TimeToFirstDraft", "time to first draft p95 252 s (SLO 45 s): no errors,"
                + " no tool timeouts, verdicts fine"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }
}
