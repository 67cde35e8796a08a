package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 13, point 5: provider outages as 5xx/529 overloaded, status-page incidents, a model update on their side. */
class ProviderOutagesTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(TestAlerts alert) {
        return classifier.classify(alert.build(), WorkflowContext.NONE);
    }

    @Test
    void http_529_overloaded_is_a_provider_outage() {
        Classification got = classify(alert().from("datadog").titled("Claude requests failing: 529 overloaded_error on 18%"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.PROVIDER_OUTAGE);
    }

    @Test
    void a_status_page_incident_is_a_provider_outage() {
        Classification got = classify(prometheus("UpstreamLLMIncident", "Anthropic status page: elevated errors on Sonnet")
                .description("Incident posted on status.anthropic.com at 02:14 UTC; our retries are masking it for now."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.PROVIDER_OUTAGE);
    }

    @Test
    void changed_behaviour_after_a_provider_side_model_update_is_a_provider_outage() {
        Classification got = classify(prometheus("ExtractionAccuracyDrop", "clause extraction accuracy 0.71 (was 0.93)")
                .description("No deploy or prompt change on our side; the gpt-4o alias now points to a new snapshot."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.PROVIDER_OUTAGE);
        assertThat(got.runnerUp()).contains(FailureType.QUALITY_DRIFT);
    }

    @Test
    void our_own_model_route_change_is_quality_drift_not_a_provider_outage() {
        Classification got = classify(prometheus("ExtractionAccuracyDrop", "clause extraction accuracy 0.71 (was 0.93)")
                .description("Started after we moved the route to the cheaper model yesterday."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void provider_5xx_behind_a_tool_is_a_provider_outage() {
        Classification got = classify(prometheus("AgentToolCallsFailing", "tool calls failing for the planner agent")
                .description("Every failure is an Azure OpenAI 500 internal server error on the function-calling request."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.PROVIDER_OUTAGE);
    }

    @Test
    void a_5xx_from_our_own_ingress_is_not_a_provider_outage() {
        Classification got = classify(prometheus("IngressHigh5xxRate", "chatbot ingress returns 503 on 4% of requests")
                .label("ingress", "chatbot").label("status_code", "503"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.UNCLASSIFIED);
    }

    @Test
    void a_model_providers_api_host_answering_5xx_is_a_provider_outage_not_just_a_name() {
        Classification got = classify(prometheus("UpstreamErrorsHigh", "HTTP 500 on 19% of requests to generativelanguage.googleapis.com")
                .label("dest_host", "generativelanguage.googleapis.com"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.PROVIDER_OUTAGE);
    }

    @Test
    void a_response_model_that_moved_to_another_snapshot_with_nothing_deployed_is_the_provider() {
        Classification got = classify(alert().from("datadog").titled("prep-sheet JSON parse failures 22% (was < 0.5%)")
                .label("gen_ai.request.model", "gpt-4o-latest")
                .description("We changed nothing: last deploy Nov 6. gen_ai.response.model in the traces went from"
                        + " gpt-4o-2026-08-06 to gpt-4o-2026-11-12 at the same minute."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.PROVIDER_OUTAGE);
    }
}
