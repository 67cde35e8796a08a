package dev.threeam.runbook;

import dev.threeam.classify.FailureType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How ready one workflow is to be handed to an on-call: per failure type, an owner to wake, a rollback and a
 * runbook section; and whether thresholds, a budget, a latency target, known limits and an eval are written.
 * Ready means no errors, and an owner and a section for every failure type.
 */
public record WorkflowReadiness(
        String workflow,
        String title,
        String file,
        List<Coverage> coverage,
        List<Runbook.QualitySignal> qualitySignals,
        Map<String, Double> budgets,
        Map<String, Double> latency,
        List<String> knownLimits,
        Optional<Runbook.EvalSpec> eval,
        List<RunbookProblem> problems) {

    public WorkflowReadiness {
        coverage = List.copyOf(coverage);
        qualitySignals = List.copyOf(qualitySignals);
        budgets = Map.copyOf(budgets);
        latency = Map.copyOf(latency);
        knownLimits = List.copyOf(knownLimits);
        problems = List.copyOf(problems);
    }

    public boolean ready() {
        return problems.stream().noneMatch(RunbookProblem::isError) && coverage.stream().allMatch(Coverage::covered);
    }

    /**
     * One failure type of one workflow.
     *
     * @param owner    the first role for this type that exists and has someone to wake
     * @param rollback a rollback whose {@code for} lists the type, else one without {@code for} of a fitting kind
     */
    public record Coverage(FailureType type, Optional<String> owner, Optional<String> rollback, boolean section) {

        /** An owner and a section are required; a rollback is advice. */
        public boolean covered() {
            return owner.isPresent() && section;
        }
    }
}
