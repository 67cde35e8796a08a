package dev.threeam.classify;

import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 13, point 2: infrastructure alerts about AI services are unclassified unless they show an AI failure. */
class InfrastructureAlertsTest {

    private final Classifier classifier = new Classifier();

    private Classification classify(TestAlerts alert) {
        return classifier.classify(alert.build(), WorkflowContext.NONE);
    }

    @Test
    void a_crash_looping_retriever_pod_is_infrastructure_and_says_so() {
        Classification got = classify(prometheus("KubePodCrashLooping",
                "Pod rag/retriever-api-6c9f7d-k2j4q is crash looping").label("pod", "retriever-api-6c9f7d-k2j4q")
                .label("namespace", "rag"));

        assertThat(got.failureType()).isEqualTo(FailureType.UNCLASSIFIED);
        assertThat(got.evidence()).startsWith("infrastructure alert; no AI signal").contains("KubePodCrashLooping");
    }

    @Test
    void an_out_of_memory_vector_database_is_infrastructure() {
        Classification got = classify(prometheus("ContainerOOMKilled", "qdrant container OOMKilled 3 times in 10m")
                .label("container", "qdrant"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.UNCLASSIFIED);
    }

    @Test
    void an_expiring_certificate_on_the_llm_gateway_is_infrastructure() {
        Classification got = classify(alert().from("datadog").titled("TLS certificate for llm-gateway.internal expires in 6 days")
                .label("service", "llm-gateway"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.UNCLASSIFIED);
        assertThat(got.evidence()).contains("infrastructure alert; no AI signal");
    }

    @Test
    void a_full_disk_on_the_embedding_node_is_infrastructure() {
        Classification got = classify(prometheus("NodeFilesystemSpaceFillingUp",
                "Filesystem on embed-node-3 at 94% and filling up").label("instance", "embed-node-3:9100"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.UNCLASSIFIED);
    }

    @Test
    void replication_lag_of_the_vector_store_database_is_infrastructure() {
        Classification got = classify(prometheus("PostgresReplicationLagHigh", "pgvector replica 90s behind primary")
                .label("service", "kb-pgvector"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.UNCLASSIFIED);
    }

    @Test
    void pod_restarts_that_make_answers_fail_over_to_errors_still_show_no_ai_failure() {
        Classification got = classify(prometheus("KubeDeploymentReplicasMismatch",
                "Deployment support/chat-orchestrator has 1/3 replicas available"));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.UNCLASSIFIED);
    }

    @Test
    void an_infrastructure_cause_named_in_an_ai_alert_leaves_the_ai_failure_in_charge() {
        Classification got = classify(prometheus("RagRecallAt5Low", "recall@5 0.38 (target 0.7)")
                .description("Started when the indexer pod was OOMKilled mid-run; the index is half built."));

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(FailureType.RETRIEVAL_FAILURE);
    }
}
