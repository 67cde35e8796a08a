package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Names an alert introduces in its own words (the dashboard, panel or monitor it came from, a queue, a tool) say where
 * it came from or which thing it is about, never how it failed ({@link DeclaredNames}).
 */
class NamesAnAlertGivesTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(TestAlerts alert) {
        return classifier.classify(alert.build(), WorkflowContext.NONE);
    }

    @Test
    void a_dashboard_panel_named_after_cost_only_says_where_the_alert_came_from() {
        Classification got = classify(alert().from("langsmith")
                .titled("LlmSpendOverview-dashboard panel: itinerary answers cite withdrawn fare rules")
                .label("alert_rule_name", "LlmSpendOverview-dashboard panel: itinerary answers cite withdrawn fare rules")
                .label("alert_rule_attribute", "feedback_score"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
        assertThat(got.evidence()).doesNotContain("spend");
    }

    @Test
    void a_monitor_named_after_retrieval_is_no_retrieval_evidence_when_the_slow_step_is_generation() {
        Classification got = classify(prometheus("KbRecallMonitorDigestsTake", "kb-recall monitor: digests take 50s")
                .description("Monitor 'kb-recall': vector lookup 80 ms as always; the drafting step p95 50s vs 9s."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void the_dashboard_a_panel_sits_on_is_a_place_not_a_symptom() {
        Classification got = classify(prometheus("FareFinderLatencyBoardStaleRoutes", "fare-finder-latency-board: route answers use last season's timetable")
                .description("Panel on the latency board: the timetable index was not refreshed since October."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_consumer_groups_name_says_nothing_about_an_index() {
        Classification got = classify(alert().from("datadog").titled("[Triggered] Kafka consumer lag vector-sync-writer")
                .description("Consumer group vector-sync-writer lag 310k messages."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.UNCLASSIFIED);
    }

    @Test
    void a_tool_answering_5xx_is_a_tool_failure_whatever_its_name_says() {
        Classification got = classify(alert().from("langsmith").titled("dns_records tool 5xx")
                .label("alert_rule_name", "dns_records tool 5xx").label("alert_rule_attribute", "error_count"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.TOOL_FAILURE);
    }

    @Test
    void a_cluster_or_namespace_label_names_where_it_runs_not_what_failed() {
        assertThat(Identity.isNameKey("k8s_cluster")).isTrue();
        assertThat(Identity.isNameKey("k8s_namespace")).isTrue();
    }
}
