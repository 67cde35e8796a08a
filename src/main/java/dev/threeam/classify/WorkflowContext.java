package dev.threeam.classify;

import java.util.List;

/**
 * What the classifier knows of the workflow an alert belongs to (from its runbook): its id and aliases, which are
 * names and never evidence; its {@code classify:} rules, tried first; its {@code known_limits}, policy evidence.
 *
 * @param workflow    the workflow id, or null when the alert matched no runbook
 * @param aliases     the runbook's aliases
 * @param rules       the runbook's {@code classify:} rules
 * @param knownLimits the runbook's {@code known_limits}, as written
 */
public record WorkflowContext(String workflow, List<String> aliases, List<ClassifyRule> rules, List<String> knownLimits) {

    /** No runbook: nothing known of the workflow. */
    public static final WorkflowContext NONE = new WorkflowContext(null, List.of(), List.of(), List.of());

    public WorkflowContext {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        rules = rules == null ? List.of() : List.copyOf(rules);
        knownLimits = knownLimits == null ? List.of() : List.copyOf(knownLimits);
    }

    /** Only a workflow's rules, as older callers pass them. */
    public static WorkflowContext ofRules(List<ClassifyRule> rules) {
        return new WorkflowContext(null, List.of(), rules, List.of());
    }
}
