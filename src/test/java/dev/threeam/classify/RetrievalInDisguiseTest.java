package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13, point 4: retrieval failures that look like something else. */
class RetrievalInDisguiseTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(TestAlerts alert) {
        return classifier.classify(alert.build(), WorkflowContext.NONE);
    }

    @Test
    void a_search_that_answers_fast_and_fine_but_finds_nothing_is_retrieval() {
        Classification got = classify(prometheus("SearchToolHealthy", "search_docs answers 200 OK in 40ms")
                .label("gen_ai_tool_name", "search_docs")
                .description("Every call succeeds, but 63% of queries come back with zero hits since 01:10."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_half_built_index_is_retrieval() {
        Classification got = classify(alert().titled("Nightly reindex aborted at 40%; kb-v7 serving a partial index"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_permission_filter_that_hides_the_sources_is_retrieval() {
        Classification got = classify(prometheus("AnswersWithoutSources", "answers without sources up to 38%")
                .description("The ACL filter now drops every document for users in the new SSO group."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_context_filled_with_the_wrong_documents_is_retrieval_even_when_quality_is_the_symptom() {
        Classification got = classify(prometheus("FaithfulnessLow", "faithfulness 0.61 < 0.85")
                .description("The context is filled with release notes instead of the API reference pages."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
        assertThat(got.runnerUp()).contains(FailureType.QUALITY_DRIFT);
    }

    @Test
    void a_tool_that_returns_empty_results_is_retrieval() {
        Classification got = classify(alert().from("langsmith").titled("lookup_policy tool returns empty results")
                .label("alert_rule_name", "lookup_policy tool returns empty results")
                .label("alert_rule_attribute", "error_count"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_model_that_ignores_good_context_is_quality_drift_not_retrieval() {
        Classification got = classify(prometheus("GroundednessLow", "groundedness 0.58")
                .description("Retrieved passages are correct and on topic; the new prompt makes the model ignore them."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.QUALITY_DRIFT);
    }

    @Test
    void answers_from_last_years_tables_or_a_discontinued_catalog_come_from_the_wrong_sources() {
        Classification tables = classify(alert().titled("Fee answers cite last year's tariff tables"));
        Classification catalog = classify(alert().titled("Gift finder answers from the discontinued catalog"));

        assertThat(tables.failureType()).as(tables.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
        assertThat(catalog.failureType()).as(catalog.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void an_index_alias_still_pointing_at_the_old_build_is_a_stale_index() {
        Classification got = classify(alert().titled("Benefits assistant")
                .description("The 2027 plan documents were uploaded but the plans index alias still points at the previous build."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_search_tool_answering_200_ok_with_zero_hits_found_nothing() {
        Classification got = classify(alert().from("datadog").titled("kb_query 200 OK with num_hits=0 on 35% of calls")
                .label("tool", "kb_query").description("No tool errors; kb_query answers in 30 ms."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_check_that_what_was_put_in_the_context_fits_the_request_measures_retrieval() {
        Classification got = classify(alert().from("langsmith").titled("clause_fit: clauses in context belong to the contract's jurisdiction")
                .label("alert_rule_name", "clause_fit: clauses in context belong to the contract's jurisdiction")
                .label("alert_rule_attribute", "feedback_score"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void pages_from_another_store_given_to_the_model_are_wrong_sources_whatever_score_reports_them() {
        Classification got = classify(alert().from("langsmith").titled("store_fit < 0.85 (pages from another store)")
                .label("alert_rule_name", "store_fit < 0.85 (pages from another store)")
                .label("alert_rule_attribute", "feedback_score"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_retrieval_measure_a_runbook_lists_among_its_quality_signals_stays_retrieval() {
        WorkflowContext rag = new WorkflowContext("rx-help", List.of(), List.of(), List.of(), null,
                List.of(QualityBar.of("context_recall"), QualityBar.of("answer_faithfulness")));

        Classification got = classifier.classify(alert().from("langsmith").label("alert_rule_name", "context_recall < 0.75")
                .label("alert_rule_attribute", "feedback_score").build(), rag);

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void an_index_whose_document_count_drops_is_retrieval_even_when_a_pod_eviction_caused_it() {
        Classification got = classify(prometheus("IndexAliasDocCountDrop", "protocols-live now points at a build 88% smaller")
                .description("The rebuild reported success; the indexer pod was evicted at 02:51 and resumed with a fresh"
                        + " cursor. Chat still answers fast."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void an_index_that_went_live_with_a_third_of_its_documents_is_retrieval_though_its_job_was_oom_killed() {
        Classification got = classify(alert().titled("playbook-2026-11-18 went live with 1,204 of 3,870 documents")
                .label("k8s_cluster", "legal-prod")
                .description("embed worker OOMKilled at 31% (exit 137); the alias swap ran anyway."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void an_index_last_indexed_days_ago_is_stale() {
        Classification got = classify(prometheus("SupplierCatalogIndexAge", "supplier-catalog: feed last indexed 16d ago (limit 48h)")
                .description("Drafts quote last month's prices and two discontinued items."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_grader_of_whether_the_right_edition_was_read_is_retrieval() {
        Classification got = classify(alert().from("langsmith").label("alert_rule_name", "catalog_edition_match < 0.95")
                .label("alert_rule_attribute", "feedback_score"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }

    @Test
    void a_feedback_key_on_whether_the_passage_or_section_was_found_is_retrieval() {
        for (String rule : List.of("passage_match < 0.9", "playbook_section_found avg < 0.8 (24h)")) {
            Classification got = classify(alert().from("langsmith").label("alert_rule_name", rule)
                    .label("alert_rule_attribute", "feedback_score"));

            assertThat(got.failureType()).as(rule + ": " + got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
        }
    }
}
