package dev.threeam.classify;

import dev.threeam.alert.Alert;
import java.util.List;
import java.util.Optional;

/**
 * Says which kind of AI failure an alert shows, why, and how sure it is. In order: an explicit
 * {@code ai_failure_type} / {@code failure_type} label (certain); the workflow's runbook rules; the built-in rules
 * over the alert's name, metrics, labels and prose, with the runbook's known limits as policy evidence. When
 * nothing matches, {@code unclassified} with what was looked at; for an infrastructure alert, saying so.
 */
public final class Classifier {

    private final RuleClassifier builtIn;

    public Classifier() {
        this(RuleClassifier.builtIn());
    }

    Classifier(RuleClassifier builtIn) {
        this.builtIn = builtIn;
    }

    /** @param workflow what the alert's runbook says (its names, rules, known limits); {@link WorkflowContext#NONE} when none */
    public Classification classify(Alert alert, WorkflowContext workflow) {
        Optional<Classification> explicit = ExplicitLabel.read(alert);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        WorkflowContext known = workflow == null ? WorkflowContext.NONE : workflow;
        return WorkflowRules.match(alert, known.rules())
                .orElseGet(() -> builtIn.classify(alert, known))
                .withNote(ExplicitLabel.ignoredNote(alert));
    }

    /** @param workflowRules the {@code classify:} rules of the alert's workflow runbook; empty when none */
    public Classification classify(Alert alert, List<ClassifyRule> workflowRules) {
        return classify(alert, WorkflowContext.ofRules(workflowRules == null ? List.of() : workflowRules));
    }
}
