package dev.threeam.runbook;

import dev.threeam.classify.FailureType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How ready one workflow is to be handed to an on-call: per failure type, an owner to wake, the rollbacks that fit
 * and a runbook section; and whether thresholds, a budget, a latency target, known limits and an eval are written.
 * Ready means no errors, and an owner and a section for every failure type. {@code runbook} is the runbook itself,
 * for what {@code check} reads beside it (which of its thresholds have telemetry).
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
        List<RunbookProblem> problems,
        Runbook runbook) {

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
     * @param owner     the first role for this type that exists and has someone to wake
     * @param rollbacks the rollbacks that fit the type, by {@link RollbackFit}'s rule (what a drill expects on Q3)
     * @param line      the line to look at when it is not covered: its {@code escalation} entry when no owner can
     *                  be woken, else the start of the body when its section is missing
     */
    public record Coverage(FailureType type, Optional<String> owner, RollbackFit rollbacks, boolean section,
                           int line) {

        /** The first rollback that fits, if any. */
        public Optional<String> rollback() {
            return rollbacks.ids().stream().findFirst();
        }

        /** An owner and a section are required; a rollback is advice. */
        public boolean covered() {
            return owner.isPresent() && section;
        }

        /** Why it is not covered, one sentence per gap; empty when covered. */
        public List<String> gaps() {
            List<String> gaps = new ArrayList<>();
            if (owner.isEmpty()) {
                gaps.add("no owner to wake: escalation." + type.id() + " names no role with a Slack, PagerDuty or"
                        + " Opsgenie target");
            }
            if (!section) {
                gaps.add("no runbook section: add \"## " + type.title() + "\" to the body");
            }
            return List.copyOf(gaps);
        }
    }
}
