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
 * @param title       the runbook's title, or null: with the id and aliases, the workflow's everyday words, which
 *                    say nothing about which limit an alert describes
 * @param qualitySignals the metrics the runbook's {@code quality_signals} name, with their bars: quality evidence for
 *                    that workflow
 * @param tools       the tools its body's Tool failure section names ({@code apply_tracked_changes})
 */
public record WorkflowContext(String workflow, List<String> aliases, List<ClassifyRule> rules, List<String> knownLimits,
                              String title, List<QualityBar> qualitySignals, List<String> tools) {

    /** No runbook: nothing known of the workflow. */
    public static final WorkflowContext NONE = new WorkflowContext(null, List.of(), List.of(), List.of(), null, List.of(), List.of());

    public WorkflowContext {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        rules = rules == null ? List.of() : List.copyOf(rules);
        knownLimits = knownLimits == null ? List.of() : List.copyOf(knownLimits);
        qualitySignals = qualitySignals == null ? List.of() : List.copyOf(qualitySignals);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    public WorkflowContext(String workflow, List<String> aliases, List<ClassifyRule> rules, List<String> knownLimits,
            String title) {
        this(workflow, aliases, rules, knownLimits, title, List.of(), List.of());
    }

    public WorkflowContext(String workflow, List<String> aliases, List<ClassifyRule> rules, List<String> knownLimits,
            String title, List<QualityBar> qualitySignals) {
        this(workflow, aliases, rules, knownLimits, title, qualitySignals, List.of());
    }

    public WorkflowContext(String workflow, List<String> aliases, List<ClassifyRule> rules, List<String> knownLimits) {
        this(workflow, aliases, rules, knownLimits, null);
    }

    /** The workflow's own words (id, aliases, title), normalized, for {@link KnownLimits}. */
    String ownWords() {
        StringBuilder words = new StringBuilder();
        if (workflow != null) {
            words.append(Words.normalize(workflow));
        }
        aliases.forEach(alias -> words.append(' ').append(Words.normalize(alias)));
        if (title != null) {
            words.append(' ').append(Words.normalize(title));
        }
        return words.toString();
    }

    /**
     * What the workflow is called (its id and title, not its aliases), normalized: a match made only of these words
     * names the product ("Grader" for an essay grader), it is no evidence.
     */
    String calledBy() {
        return (workflow == null ? "" : Words.normalize(workflow)) + (title == null ? "" : " " + Words.normalize(title));
    }

    /** Only a workflow's rules, as older callers pass them. */
    public static WorkflowContext ofRules(List<ClassifyRule> rules) {
        return new WorkflowContext(null, List.of(), rules, List.of(), null, List.of(), List.of());
    }
}
