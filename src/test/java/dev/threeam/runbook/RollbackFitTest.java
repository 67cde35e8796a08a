package dev.threeam.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.classify.FailureType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one rule: {@code for} decides where it is written; without it, the kind does. */
class RollbackFitTest {

    private static Runbook.Rollback rollback(String id, String kind, FailureType... forTypes) {
        return new Runbook.Rollback(id, "Label of " + id, kind, List.of(forTypes), "webhook", Map.of("url", "https://x"), List.of());
    }

    private static Runbook runbook(Runbook.Rollback... rollbacks) {
        return new Runbook("shop", "Shop", List.of(), null, Map.of(), Map.of(), List.of(), Map.of(), Map.of(), null, List.of(),
                null, List.of(rollbacks), List.of(), Map.of(), List.of(), null);
    }

    @Test
    void for_decides_where_it_is_written_and_the_kind_decides_where_it_is_not() {
        Runbook book = runbook(rollback("tools-off", "feature_flag", FailureType.TOOL_FAILURE),
                rollback("old-prompt", "prompt"), rollback("old-index", "retrieval_index", FailureType.RETRIEVAL_FAILURE));

        RollbackFit quality = RollbackFit.of(book, FailureType.QUALITY_DRIFT);
        assertThat(quality.ids()).as("tools-off is a feature flag, but its for names only tool_failure").containsExactly("old-prompt");
        assertThat(quality.expected()).isEqualTo("old-prompt (kind prompt fits quality_drift (it has no for:))");
        assertThat(RollbackFit.of(book, FailureType.RETRIEVAL_FAILURE).expected())
                .isEqualTo("old-index (its for: lists retrieval_failure)");
        assertThat(RollbackFit.ordered(book, FailureType.RETRIEVAL_FAILURE)).extracting(Runbook.Rollback::id)
                .containsExactly("old-index", "tools-off", "old-prompt");
    }

    @Test
    void where_nothing_fits_the_expected_answer_is_no_rollback_and_says_why() {
        RollbackFit outage = RollbackFit.of(runbook(rollback("old-index", "retrieval_index")), FailureType.PROVIDER_OUTAGE);

        assertThat(outage.none()).isTrue();
        assertThat(outage.expected()).isEqualTo("No rollback (no rollback lists provider_outage in for:, and none without for:"
                + " is of kind model_route or feature_flag)");
        assertThat(RollbackFit.of(runbook(), FailureType.TOOL_FAILURE).noneListed()).isTrue();
        assertThat(RollbackFit.of(runbook(rollback("x", "prompt")), FailureType.UNCLASSIFIED).whyNone())
                .isEqualTo("the failure type is not known yet; pick it on Q1");
    }
}
