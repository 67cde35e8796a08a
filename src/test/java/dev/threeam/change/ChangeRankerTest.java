package dev.threeam.change;

import static dev.threeam.change.ChangeKind.DATA_SOURCE;
import static dev.threeam.change.ChangeKind.DEPLOY;
import static dev.threeam.change.ChangeKind.FEATURE_FLAG;
import static dev.threeam.change.ChangeKind.MODEL_ROUTE;
import static dev.threeam.change.ChangeKind.PROMPT;
import static dev.threeam.change.ChangeKind.RETRIEVAL_INDEX;
import static dev.threeam.change.ChangeKind.TOOL_SCHEMA;
import static dev.threeam.change.ChangeTestData.NOW;
import static dev.threeam.change.ChangeTestData.aChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threeam.classify.FailureType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeRankerTest {

    private final ChangeRanker ranker = new ChangeRanker();

    /** One change of every kind, the newest first in this order: deploy is newest, prompt oldest. */
    private final List<ChangeEvent> oneOfEach = List.of(
            aChange().kind(PROMPT).minutesAgo(70).build(),
            aChange().kind(MODEL_ROUTE).minutesAgo(60).build(),
            aChange().kind(RETRIEVAL_INDEX).minutesAgo(50).build(),
            aChange().kind(TOOL_SCHEMA).minutesAgo(40).build(),
            aChange().kind(DATA_SOURCE).minutesAgo(30).build(),
            aChange().kind(FEATURE_FLAG).minutesAgo(20).build(),
            aChange().kind(DEPLOY).minutesAgo(10).build());

    private List<ChangeKind> kinds(FailureType type) {
        return ranker.rank(oneOfEach, type, NOW, 10).stream().map(ranked -> ranked.change().kind()).toList();
    }

    @Test
    void retrieval_failures_suspect_the_index_then_the_data_source() {
        assertThat(kinds(FailureType.RETRIEVAL_FAILURE))
                .containsExactly(RETRIEVAL_INDEX, DATA_SOURCE, DEPLOY, FEATURE_FLAG, TOOL_SCHEMA, MODEL_ROUTE, PROMPT);
    }

    @Test
    void policy_failures_suspect_the_prompt_then_the_model_route() {
        assertThat(kinds(FailureType.POLICY_FAILURE)).startsWith(PROMPT, MODEL_ROUTE, DEPLOY);
    }

    @Test
    void cost_failures_suspect_the_model_route_then_the_prompt() {
        assertThat(kinds(FailureType.COST_FAILURE)).startsWith(MODEL_ROUTE, PROMPT, DEPLOY);
    }

    @Test
    void tool_failures_suspect_the_tool_schema_first() {
        assertThat(kinds(FailureType.TOOL_FAILURE)).startsWith(TOOL_SCHEMA, DEPLOY, FEATURE_FLAG);
    }

    @Test
    void quality_drift_suspects_prompt_model_route_and_index() {
        assertThat(kinds(FailureType.QUALITY_DRIFT)).startsWith(PROMPT, MODEL_ROUTE, RETRIEVAL_INDEX, DEPLOY);
    }

    @Test
    void latency_and_provider_failures_suspect_the_model_route_then_deploys() {
        assertThat(kinds(FailureType.LATENCY_FAILURE)).startsWith(MODEL_ROUTE, DEPLOY, FEATURE_FLAG);
        assertThat(kinds(FailureType.PROVIDER_OUTAGE)).startsWith(MODEL_ROUTE, DEPLOY, FEATURE_FLAG);
    }

    @Test
    void unclassified_failures_list_by_recency_only() {
        assertThat(kinds(FailureType.UNCLASSIFIED))
                .containsExactly(DEPLOY, FEATURE_FLAG, DATA_SOURCE, TOOL_SCHEMA, RETRIEVAL_INDEX, MODEL_ROUTE, PROMPT);
    }

    @Test
    void among_equally_suspect_changes_the_newer_comes_first() {
        ChangeEvent older = aChange().kind(PROMPT).summary("v41").minutesAgo(300).build();
        ChangeEvent newer = aChange().kind(PROMPT).summary("v42").minutesAgo(5).build();

        assertThat(ranker.rank(List.of(older, newer), FailureType.POLICY_FAILURE, NOW, 5))
                .extracting(ranked -> ranked.change().summary()).containsExactly("v42", "v41");
    }

    @Test
    void a_limit_keeps_the_most_suspect() {
        assertThat(ranker.rank(oneOfEach, FailureType.RETRIEVAL_FAILURE, NOW, 2))
                .extracting(ranked -> ranked.change().kind()).containsExactly(RETRIEVAL_INDEX, DATA_SOURCE);
        assertThat(ranker.rank(oneOfEach, FailureType.RETRIEVAL_FAILURE, NOW, 0)).isEmpty();
        assertThatThrownBy(() -> ranker.rank(oneOfEach, FailureType.RETRIEVAL_FAILURE, NOW, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void each_place_comes_with_its_reason() {
        List<String> reasons = ranker.rank(oneOfEach, FailureType.RETRIEVAL_FAILURE, NOW, 3).stream()
                .map(RankedChange::reason).toList();

        assertThat(reasons).containsExactly(
                "retrieval_index changes come first for retrieval failures; 50 min before now",
                "data_source changes come next for retrieval failures, after retrieval_index; 30 min before now",
                "deploy changes rarely cause retrieval failures, listed by recency; 10 min before now");
        assertThat(ranker.rank(oneOfEach, FailureType.UNCLASSIFIED, NOW, 1).get(0).reason())
                .isEqualTo("newest first while the failure type is unknown; 10 min before now");
        assertThat(ranker.rank(oneOfEach, FailureType.QUALITY_DRIFT, NOW, 1).get(0).reason())
                .startsWith("prompt changes come first for quality drift;");
    }

    @Test
    void ages_read_in_hours_and_minutes_either_side_of_now() {
        assertThat(ChangeRanker.age(NOW.minusSeconds(3 * 3600 + 5 * 60), NOW)).isEqualTo("3 h 5 min before now");
        assertThat(ChangeRanker.age(NOW.plusSeconds(120), NOW)).isEqualTo("2 min after now");
    }
}
