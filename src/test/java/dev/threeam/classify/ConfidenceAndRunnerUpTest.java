package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 13, point 6: how sure the classifier is, and what came second. */
class ConfidenceAndRunnerUpTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(TestAlerts alert) {
        return classifier.classify(alert.build(), WorkflowContext.NONE);
    }

    @Test
    void an_explicit_label_is_certain_with_no_runner_up() {
        Classification got = classify(prometheus("RagRecallLow", "recall low").label("failure_type", "cost_failure"));

        assertThat(got.confidence()).isEqualTo(1.0);
        assertThat(got.runnerUp()).isEmpty();
        assertThat(got.runnerUpIsClose()).isFalse();
    }

    @Test
    void own_telemetry_is_certain_and_carries_its_own_evidence() {
        Classification got = classify(alert().from("otel").titled("support-chat faithfulness 0.62 < 0.85")
                .label("failure_type", "quality_drift")
                .annotation("evidence", "gen_ai.evaluation.result faithfulness 0.62 over 40 samples < 0.85"));

        assertThat(got.failureType()).isEqualTo(FailureType.QUALITY_DRIFT);
        assertThat(got.confidence()).isEqualTo(1.0);
        assertThat(got.evidence()).isEqualTo("gen_ai.evaluation.result faithfulness 0.62 over 40 samples < 0.85");
    }

    @Test
    void an_alert_read_two_ways_names_a_close_runner_up() {
        Classification got = classify(alert().titled("p95 latency doubled and token spend tripled after the model switch"));

        assertThat(got.failureType()).as(got.evidence()).isIn(FailureType.COST_FAILURE, FailureType.LATENCY_FAILURE);
        assertThat(got.runnerUp()).as(got.evidence()).isPresent().get()
                .isIn(FailureType.COST_FAILURE, FailureType.LATENCY_FAILURE).isNotEqualTo(got.failureType());
        assertThat(got.runnerUpIsClose()).as("lead %s", got.lead()).isTrue();
        assertThat(got.confidence()).isLessThan(0.65);
    }

    @Test
    void one_clear_signal_has_no_close_runner_up() {
        Classification got = classify(prometheus("LLMSpendOverBudget", "LLM spend $1,240 today vs $400 budget"));

        assertThat(got.failureType()).isEqualTo(FailureType.COST_FAILURE);
        assertThat(got.runnerUpIsClose()).isFalse();
        assertThat(got.confidence()).isEqualTo(0.9);
    }

    @Test
    void a_tie_halves_the_confidence_of_the_place_it_was_read() {
        Classification tie = new Classification(FailureType.QUALITY_DRIFT, "x", 0.45,
                java.util.Optional.of(FailureType.RETRIEVAL_FAILURE), 0.0);

        assertThat(tie.runnerUpIsClose()).isTrue();
        assertThat(new Classification(FailureType.QUALITY_DRIFT, "x", 0.9).lead()).isEqualTo(1.0);
    }
}
