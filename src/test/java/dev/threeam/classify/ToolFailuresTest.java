package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A tool call went wrong, said without the words of a tool call: a tool known only by its label, a response that changed. */
class ToolFailuresTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(TestAlerts alert) {
        return classifier.classify(alert.build(), WorkflowContext.NONE);
    }

    @Test
    void an_http_error_rate_of_a_tool_known_only_by_its_label_is_a_tool_failure_not_a_proxy() {
        Classification got = classify(prometheus("fx_rates_fetch 503 ratio", "fx_rates_fetch 503 ratio 0.3")
                .label("gen_ai_tool_name", "fx_rates_fetch"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.TOOL_FAILURE);
    }

    @Test
    void an_http_error_rate_with_no_tool_named_stays_infrastructure() {
        Classification got = classify(prometheus("IngressHighErrorRate", "ingress 5xx rate 12% on the public API"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.UNCLASSIFIED);
    }

    @Test
    void failing_to_parse_a_tools_response_after_it_changed_is_a_tool_schema_change() {
        Classification parsing = classify(alert().titled("Agent cannot deserialize the shipment response on 22% of steps"));
        Classification changed = classify(alert().titled("Booking assistant")
                .description("The calendar API's response format changed overnight: start is now start_time."));

        assertThat(parsing.failureType()).as(parsing.evidence()).isEqualTo(FailureType.TOOL_FAILURE);
        assertThat(changed.failureType()).as(changed.evidence()).isEqualTo(FailureType.TOOL_FAILURE);
    }

    @Test
    void a_vendors_rollout_behind_a_labelled_tool_is_the_tool_changing_not_a_model_update() {
        Classification tool = classify(alert().titled("route_quote returns weights in pounds on 9% of quotes")
                .label("gen_ai_tool_name", "route_quote")
                .description("Since the freight vendor's v3 rollout route_quote answers in pounds, not kilograms."));
        Classification model = classify(alert().titled("Answers too short since last night")
                .description("Since the vendor's v3 rollout the assistant replies in one line; nothing changed on our side."));

        assertThat(tool.failureType()).as(tool.evidence()).isEqualTo(FailureType.TOOL_FAILURE);
        assertThat(model.failureType()).as(model.evidence()).isEqualTo(FailureType.PROVIDER_OUTAGE);
    }

    @Test
    void a_named_tools_calls_timing_out_at_a_rate_are_the_tool_failing_but_a_percentile_is_latency() {
        Classification rate = classify(alert().from("datadog").titled("lookup_vin timeouts 18%").label("tool", "lookup_vin")
                .description("lookup_vin hits its 20s timeout on 18% of calls."));
        Classification percentile = classify(alert().from("datadog").titled("Repair answers p95 14s")
                .label("tool", "lookup_vin").description("Users wait 14s at p95 for an answer."));

        assertThat(rate.failureType()).as(rate.evidence()).isEqualTo(FailureType.TOOL_FAILURE);
        assertThat(percentile.failureType()).as(percentile.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void a_tool_call_that_errored_did_not_do_what_a_known_limit_forbids() {
        WorkflowContext disputes = new WorkflowContext("dispute-desk", List.of(), List.of(), List.of(
                "A chargeback is never filed without an analyst's decision on the case."));

        Classification got = classifier.classify(alert().titled("file_chargeback tool: 503 on analyst-approved chargebacks")
                .label("gen_ai.tool.name", "file_chargeback").label("error.type", "503")
                .description("Approved chargebacks over EUR 5,000 fail at the acquirer API; 41 are queued.").build(), disputes);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.TOOL_FAILURE);
    }

    @Test
    void errored_runs_of_a_tool_the_runbook_names_in_its_tool_failure_section_are_a_tool_failure() {
        WorkflowContext redline = new WorkflowContext("contract-redline", List.of(), List.of(), List.of(), null, List.of(),
                List.of("apply_tracked_changes", "fetch_contract_docx"));

        Classification got = classifier.classify(alert().from("langsmith")
                .label("alert_rule_name", "apply_tracked_changes errored runs > 10 / 15m")
                .label("alert_rule_attribute", "error_count").build(), redline);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.TOOL_FAILURE);
        assertThat(got.evidence()).contains("apply_tracked_changes");
    }

    @Test
    void a_tool_the_runbook_names_said_to_be_fine_is_no_tool_failure() {
        WorkflowContext redline = new WorkflowContext("contract-redline", List.of(), List.of(), List.of(), null, List.of(),
                List.of("apply_tracked_changes"));

        Classification got = classifier.classify(alert().titled("Redlines take 95 s at p95 (SLO 30 s)")
                .description("apply_tracked_changes errors are normal; the time goes into generation.").build(), redline);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }
}
