package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

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
}
