package dev.threeam.classify;

import dev.threeam.alert.Alert;
import java.util.List;
import java.util.Optional;

/**
 * Says which kind of AI failure an alert shows, and why. In order: an explicit {@code ai_failure_type} /
 * {@code failure_type} label (confidence 1.0); the workflow's runbook rules; the built-in rules over the alert's
 * name, metrics, labels and text. When nothing matches, {@code unclassified} with what was looked at.
 */
public final class Classifier {

    private final RuleClassifier builtIn;

    public Classifier() {
        this(RuleClassifier.builtIn());
    }

    Classifier(RuleClassifier builtIn) {
        this.builtIn = builtIn;
    }

    /** @param workflowRules the {@code classify:} rules of the alert's workflow runbook; empty when none */
    public Classification classify(Alert alert, List<ClassifyRule> workflowRules) {
        Optional<Classification> explicit = ExplicitLabel.read(alert);
        if (explicit.isPresent()) {
            return explicit.get();
        }
        String note = ExplicitLabel.ignoredNote(alert);
        Classification decided = WorkflowRules.match(alert, workflowRules == null ? List.of() : workflowRules)
                .or(() -> builtIn.classify(alert))
                .orElseGet(() -> Classification.unclassified(NoMatch.describe(alert, builtIn.weakHits(alert))));
        return note.isEmpty() ? decided
                : new Classification(decided.failureType(), decided.evidence() + note, decided.confidence());
    }
}
