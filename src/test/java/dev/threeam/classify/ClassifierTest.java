package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(TestAlerts alert) {
        return classifier.classify(alert.build(), List.of());
    }

    @Test
    void an_explicit_label_wins_over_every_rule() {
        Classification got = classify(prometheus("LLMSpendOverBudget", "spend $900 vs $300 budget")
                .label("ai_failure_type", "retrieval_failure"));

        assertThat(got.failureType()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
        assertThat(got.confidence()).isEqualTo(1.0);
        assertThat(got.evidence()).isEqualTo("label ai_failure_type=retrieval_failure");
    }

    @Test
    void an_explicit_label_that_names_no_type_is_ignored_and_said_so() {
        Classification got = classify(prometheus("LLMSpendOverBudget", "spend $900 vs $300 budget")
                .label("failure_type", "money"));

        assertThat(got.failureType()).isEqualTo(FailureType.COST_FAILURE);
        assertThat(got.evidence()).contains("ignored label failure_type=money");
    }

    @Test
    void workflow_rules_are_tried_before_the_built_in_ones() {
        ClassifyRule overage = new ClassifyRule(FailureType.COST_FAILURE, Map.of("text", Pattern.compile("(?i)overage")));

        Classification got = classifier.classify(prometheus("ChatLatencyHigh", "p95 9s, provider overage throttling")
                .build(), List.of(overage));

        assertThat(got.failureType()).isEqualTo(FailureType.COST_FAILURE);
        assertThat(got.evidence()).isEqualTo("runbook rule 1 (cost_failure): text `overage` matched `(?i)overage`");
        assertThat(got.confidence()).isEqualTo(0.95);
    }

    @Test
    void a_workflow_rule_on_alertname_reads_the_title_of_sources_without_one() {
        ClassifyRule kbSync = new ClassifyRule(FailureType.RETRIEVAL_FAILURE,
                Map.of("alertname", Pattern.compile("(?i)kb_?sync")));

        Classification got = classifier.classify(alert().from("datadog").titled("KB_sync job failed").build(),
                List.of(kbSync));

        assertThat(got.failureType()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_workflow_rule_matches_only_when_every_key_matches() {
        ClassifyRule both = new ClassifyRule(FailureType.TOOL_FAILURE, Map.of(
                "alertname", Pattern.compile("Errors"), "component", Pattern.compile("crm")));

        Classification got = classifier.classify(prometheus("CheckoutErrors", "checkout errors").build(), List.of(both));

        assertThat(got.failureType()).isEqualTo(FailureType.UNCLASSIFIED);
    }

    @Test
    void the_evidence_names_what_matched_and_which_rule() {
        Classification got = classify(prometheus("RagRecallAt5Low", "recall@5 0.41 on the golden set")
                .label("gen_ai_provider_name", "openai"));

        assertThat(got.failureType()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
        assertThat(got.evidence()).startsWith("alertname `RagRecallAt5Low` matched retrieval rule `recall`");
        assertThat(got.confidence()).isEqualTo(0.9);
    }

    @Test
    void the_alert_name_outweighs_what_the_description_mentions() {
        Classification got = classify(prometheus("RetrievalRecallDrop", "recall@10 down to 0.5")
                .description("Started after the latency optimisation that lowered top_k; token usage also fell."));

        assertThat(got.failureType()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void free_text_alone_classifies_with_lower_confidence() {
        Classification got = classify(prometheus("SupportBotDegraded", "support bot degraded")
                .description("Judges score faithfulness at 0.6 on sampled answers."));

        assertThat(got.failureType()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(got.confidence()).isBetween(0.6, 0.7);
    }

    @Test
    void a_latency_alert_blaming_provider_503s_is_a_provider_outage() {
        Classification got = classify(prometheus("ReviewLatencyP95High", "review p95 41s")
                .label("gen_ai_provider_name", "openai")
                .description("The slowness is the SDK retrying provider 503s with backoff."));

        assertThat(got.failureType()).isEqualTo(FailureType.PROVIDER_OUTAGE);
        assertThat(got.evidence()).contains("latency rule `latency`", "provider 503s",
                "provider errors explain the latency");
    }

    @Test
    void a_latency_alert_that_names_a_provider_but_no_errors_stays_latency() {
        Classification got = classify(prometheus("ReviewLatencyP95High", "review p95 41s on openai gpt-4.1")
                .label("gen_ai_provider_name", "openai")
                .description("No errors on the path; cause not known yet."));

        assertThat(got.failureType()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void the_genai_duration_metric_is_latency_but_with_an_error_type_a_provider_outage() {
        String url = "http://prom:9090/graph?g0.expr=histogram_quantile%280.95%2C%20sum%20by%20%28le%29%20%28rate%28"
                + "gen_ai_client_operation_duration_seconds_bucket%5B5m%5D%29%29%29%20%3E%202";

        Classification slow = classify(prometheus("ChatSlo", "chat SLO burn").url(url));
        Classification erroring = classify(prometheus("ChatSlo", "chat SLO burn").url(url).label("error_type", "500"));

        assertThat(slow.failureType()).isEqualTo(FailureType.LATENCY_FAILURE);
        assertThat(slow.evidence()).contains("metric `gen_ai_client_operation_duration_seconds_bucket` in generatorURL");
        assertThat(erroring.failureType()).isEqualTo(FailureType.PROVIDER_OUTAGE);
    }

    @Test
    void the_genai_token_usage_metric_is_cost() {
        Classification got = classify(prometheus("ChatUsageAnomaly", "usage anomaly")
                .url("http://prom:9090/graph?g0.expr=sum%28rate%28gen_ai_client_token_usage_sum%5B1h%5D%29%29%20%3E%201e6"));

        assertThat(got.failureType()).isEqualTo(FailureType.COST_FAILURE);
    }

    @Test
    void toxic_model_output_is_quality_drift_not_policy() {
        Classification got = classify(alert().titled("Toxicity evaluation flagged 1.2% of completions")
                .description("Guardrail is in log-only mode."));

        assertThat(got.failureType()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void over_refusal_is_quality_drift_but_answering_should_refuse_probes_is_policy() {
        Classification overRefusal = classify(alert().titled("Helpfulness down, refusals up 40% since prompt v19"));
        Classification underRefusal = classify(prometheus("ShouldRefuseProbeRefusalRateDrop",
                "refusal rate on should-refuse probes down 40%"));

        assertThat(overRefusal.failureType()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(underRefusal.failureType()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void a_tool_rate_limited_by_github_is_a_tool_failure_but_a_model_provider_429_is_an_outage() {
        Classification github = classify(prometheus("GitHubSearchToolRateLimited",
                "github_search tool: 31% of calls get 429 secondary rate limit from api.github.com"));
        Classification anthropic = classify(alert().from("langsmith")
                .titled("Anthropic rate_limit_error (429) runs > 100 in 5m").label("alert_rule_attribute", "error_count"));

        assertThat(github.failureType()).isEqualTo(FailureType.TOOL_FAILURE);
        assertThat(anthropic.failureType()).isEqualTo(FailureType.PROVIDER_OUTAGE);
    }

    @Test
    void token_usage_driven_by_retries_is_cost() {
        Classification got = classify(prometheus("TokensPerRequestSpike", "tokens_per_request 3.8x baseline")
                .description("The chain retries up to 4 times when the output parser fails; retries eat the budget."));

        assertThat(got.failureType()).isEqualTo(FailureType.COST_FAILURE);
    }

    @Test
    void a_tool_timing_out_is_a_tool_failure_not_latency() {
        Classification got = classify(prometheus("FunctionCallTimeouts", "lookup_order: function_call_timeout on 14%")
                .label("error_type", "timeout"));

        assertThat(got.failureType()).isEqualTo(FailureType.TOOL_FAILURE);
    }

    @Test
    void a_self_hosted_embedding_server_down_is_retrieval_not_a_provider() {
        Classification got = classify(prometheus("EmbeddingServerDown", "Embedding server tei-embed-0 down for 5m"));

        assertThat(got.failureType()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void langsmith_rule_attributes_say_the_type_and_error_counts_defer_to_the_rule_name() {
        Classification feedback = classify(alert().from("langsmith").titled("Online evaluator below 0.8")
                .label("alert_rule_name", "Online evaluator below 0.8").label("alert_rule_attribute", "feedback_score"));
        Classification toolErrors = classify(alert().from("langsmith").titled("Tool run errors > 25")
                .label("alert_rule_name", "Tool run errors > 25").label("alert_rule_attribute", "error_count"));

        assertThat(feedback.failureType()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(toolErrors.failureType()).isEqualTo(FailureType.TOOL_FAILURE);
    }

    @Test
    void grafana_named_values_are_read_as_metrics() {
        Classification got = classify(prometheus("Serving SLO", "serving SLO breached").from("grafana")
                .value("time_to_first_token_p95", "3.1"));

        assertThat(got.failureType()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void an_alert_without_any_signal_is_unclassified_with_what_was_looked_at() {
        Classification got = classify(prometheus("CheckoutOrdersStuck", "Orders are not confirmed.")
                .label("team", "payments"));

        assertThat(got.failureType()).isEqualTo(FailureType.UNCLASSIFIED);
        assertThat(got.evidence()).isEqualTo("no rule matched alertname CheckoutOrdersStuck, labels alertname, "
                + "team, title Orders are not confirmed.");
    }

    @Test
    void a_provider_label_alone_is_too_weak_to_decide() {
        Classification got = classify(prometheus("RequestsHigh", "request volume doubled")
                .label("gen_ai_provider_name", "openai"));

        assertThat(got.failureType()).isEqualTo(FailureType.UNCLASSIFIED);
        assertThat(got.evidence()).contains("too weak to decide: label `gen_ai_provider_name=openai`");
    }
}
