package dev.threeam.runbook;

import dev.threeam.classify.FailureType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which rollback answers a failure type: one whose {@code for} lists it, else one without {@code for} whose change
 * kind plausibly undoes that kind of failure (a model route for a provider outage, an index for retrieval).
 */
final class RollbackFit {

    private static final Map<FailureType, List<String>> PLAUSIBLE_KINDS = Map.of(
            FailureType.QUALITY_DRIFT, List.of("prompt", "model_route", "feature_flag", "deploy"),
            FailureType.RETRIEVAL_FAILURE, List.of("retrieval_index", "data_source", "feature_flag", "deploy"),
            FailureType.TOOL_FAILURE, List.of("tool_schema", "feature_flag", "deploy"),
            FailureType.POLICY_FAILURE, List.of("prompt", "model_route", "feature_flag"),
            FailureType.COST_FAILURE, List.of("model_route", "feature_flag", "prompt"),
            FailureType.LATENCY_FAILURE, List.of("model_route", "feature_flag", "deploy"),
            FailureType.PROVIDER_OUTAGE, List.of("model_route", "feature_flag"));

    private RollbackFit() {}

    static Optional<Runbook.Rollback> forType(Runbook runbook, FailureType type) {
        return runbook.rollbacks().stream().filter(rollback -> rollback.forTypes().contains(type)).findFirst()
                .or(() -> runbook.rollbacks().stream()
                        .filter(rollback -> rollback.forTypes().isEmpty())
                        .filter(rollback -> PLAUSIBLE_KINDS.getOrDefault(type, List.of()).contains(rollback.kind()))
                        .findFirst());
    }
}
