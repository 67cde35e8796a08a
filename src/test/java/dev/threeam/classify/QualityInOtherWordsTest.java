package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The output got worse, said without quality words: errors only content can have, completeness of what was generated. */
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
}
