package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spend said without money words: usage against what was bought ahead (a contract, a commitment). */
class CostInOtherWordsTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(TestAlerts alert) {
        return classifier.classify(alert.build(), WorkflowContext.NONE);
    }

    @Test
    void usage_past_a_contract_or_commitment_is_spend_whatever_unit_it_counts() {
        Classification contract = classify(alert().titled("Geocoding lookups at 118% of the annual contract")
                .label("vendor", "maps-vendor"));
        Classification commitment = classify(alert().titled("Speech minutes exceeded the monthly commitment"));

        assertThat(contract.failureType()).as(contract.evidence()).isEqualTo(FailureType.COST_FAILURE);
        assertThat(commitment.failureType()).as(commitment.evidence()).isEqualTo(FailureType.COST_FAILURE);
    }

    @Test
    void contracts_and_commits_that_are_documents_and_code_are_not_spend() {
        Classification contracts = classify(alert().titled("Clause extraction recall 0.71 on 12% of contracts"));
        Classification commits = classify(alert().titled("Review comments judged unhelpful on 30% of commits"));

        assertThat(contracts.failureType()).as(contracts.evidence()).isNotEqualTo(FailureType.COST_FAILURE);
        assertThat(commits.failureType()).as(commits.evidence()).isNotEqualTo(FailureType.COST_FAILURE);
    }

    @Test
    void money_in_a_quoted_answer_is_what_the_answer_says_not_the_bill() {
        Classification got = new Classifier().classify(alert().from("datadog").titled("Notes proposing deductions")
                .description("Log pattern matched 17 notes:\n- \"deduct $250 from this week's settlement\"\n"
                        + "- \"$75 chargeback for the late delivery\"").build(), WorkflowContext.NONE);

        assertThat(got.failureType()).as(got.evidence()).isNotEqualTo(FailureType.COST_FAILURE);
    }
}
