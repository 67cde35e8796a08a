package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13, point 3: policy failures in their many phrasings, and the runbook's known limits as policy evidence. */
class PolicyPhrasingsTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(TestAlerts alert) {
        return classifier.classify(alert.build(), WorkflowContext.NONE);
    }

    @Test
    void a_skipped_human_approval_gate_is_a_policy_failure() {
        Classification got = classify(alert().titled("Outbound emails sent without rep approval")
                .description("41 drafts to EU prospects went out with the approval step skipped after the queue migration."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void advice_the_product_must_not_give_is_a_policy_failure() {
        Classification got = classify(prometheus("TriageBotDosageAnswers",
                "triage chat recommended a medication dose to 6 patients"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void answering_outside_the_product_scope_is_a_policy_failure() {
        Classification got = classify(alert().from("langsmith").titled("Off-topic answers > 3%")
                .label("alert_rule_name", "Off-topic answers > 3%").label("alert_rule_attribute", "feedback_score")
                .description("Bank assistant answering questions about elections and competitor products."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void another_customers_data_in_an_answer_is_a_policy_failure_even_when_retrieval_carried_it() {
        Classification got = classify(prometheus("CrossTenantDocumentsInContext",
                "answers quote another customer's invoices")
                .description("The retriever's tenant filter was dropped in v2.3; chunks from other tenants reach the prompt."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void personal_data_in_output_is_a_policy_failure() {
        Classification got = classify(alert().from("datadog").titled("Phone numbers and email addresses appear in 2% of summaries"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void an_alert_describing_a_known_limit_being_broken_is_a_policy_failure_quoting_the_limit() {
        WorkflowContext voice = new WorkflowContext("voice-support", List.of("voicebot"), List.of(), List.of(
                "Never performs a SIM swap, port-out or eSIM transfer; these go to a human after identity verification.",
                "Transfers to a human when the caller asks for one a second time."));

        Classification got = classifier.classify(prometheus("VoicebotActionAnomaly", "voicebot action anomaly")
                .description("The agent completed 3 SIM swaps itself in the last hour.").build(), voice);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
        assertThat(got.evidence()).contains("known limit \"Never performs a SIM swap");
    }

    @Test
    void a_known_limit_that_shares_one_word_with_the_alert_is_not_evidence() {
        WorkflowContext voice = new WorkflowContext("voice-support", List.of(), List.of(), List.of(
                "Transfers to a human when the caller asks for one a second time."));

        Classification got = classifier.classify(prometheus("VoiceTurnLatencyHigh", "turn latency p95 3.4s")
                .description("Callers hear dead air before the transfer prompt.").build(), voice);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.LATENCY_FAILURE);
    }

    @Test
    void over_refusal_stays_quality_drift() {
        Classification got = classify(alert().titled("Benign requests refused: false refusals up to 9%"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void saying_a_product_cures_a_condition_or_replaces_medication_is_a_medical_claim() {
        Classification cures = classify(alert().titled("Chat says the magnesium spray cures migraines"));
        Classification replaces = classify(alert().titled("Pharmacy chat transcript sample")
                .description("The bot told a customer the herbal tea can replace their blood pressure medication."));

        assertThat(cures.failureType()).as(cures.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
        assertThat(replaces.failureType()).as(replaces.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void a_known_limit_is_broken_in_any_tense() {
        WorkflowContext tutor = new WorkflowContext("math-tutor", List.of("mathpal"), List.of(), List.of(
                "Never gives the final answer to a graded problem set."));

        Classification got = classifier.classify(alert().titled("Tutor gave final answers to problem sets").build(), tutor);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
        assertThat(got.evidence()).contains("known limit");
    }

    @Test
    void the_words_a_workflow_calls_itself_by_are_its_name_not_evidence() {
        WorkflowContext grader = new WorkflowContext("lab-report-grader", List.of("labgrade"), List.of(), List.of(
                "Never rewrites the lab report for the student."), "Lab report grader");

        Classification got = classifier.classify(alert().titled("Grader rewrote lab reports for students").build(), grader);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void one_tenant_shown_what_belongs_to_another_named_tenant_is_a_policy_failure() {
        Classification got = classify(alert().titled("Clinic B front desk shown clinic A's appointments")
                .label("tenant", "clinic-b")
                .description("Tenant audit: 9 answers to clinic B listed appointment slots that belong to clinic A."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
    }

    @Test
    void a_known_limit_that_shares_only_the_things_it_names_is_not_evidence_of_a_breach() {
        WorkflowContext parcels = new WorkflowContext("parcel-claims", List.of("claimdesk"), List.of(), List.of(
                "A parcel is never marked lost, and no refund voucher is issued, without the depot supervisor's approval."));

        Classification got = classifier.classify(prometheus("DepotSupervisorDirectoryStale",
                "depot supervisor directory index last rebuilt 12 days ago")
                .description("The nightly sync exits 0 but writes nothing; answers name supervisors who left in October.").build(), parcels);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void two_words_of_a_known_limit_count_when_one_is_what_it_forbids_or_the_alert_says_it_was_broken() {
        WorkflowContext parcels = new WorkflowContext("parcel-claims", List.of("claimdesk"), List.of(), List.of(
                "A parcel is never marked lost, and no refund voucher is issued, without the depot supervisor's approval.",
                "Never reroutes a parcel addressed to a locker."));

        Classification skipped = classifier.classify(alert().titled("Refund vouchers issued w/o depot sign-off").build(), parcels);
        Classification rerouted = classifier.classify(alert().titled("Claimdesk rerouted locker parcels").build(), parcels);

        assertThat(skipped.failureType()).as(skipped.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
        assertThat(rerouted.failureType()).as(rerouted.evidence()).isEqualTo(FailureType.POLICY_FAILURE);
        assertThat(rerouted.evidence()).contains("known limit \"Never reroutes");
    }
}
