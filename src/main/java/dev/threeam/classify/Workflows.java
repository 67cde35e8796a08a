package dev.threeam.classify;

import dev.threeam.alert.Alert;

/**
 * The runbooks of a folder as the classifier sees them: which workflow an alert belongs to, with what its runbook
 * tells the classifier ({@link WorkflowContext}). The runbook package provides it; classify does not read runbooks.
 */
@FunctionalInterface
public interface Workflows {

    /** No runbooks: every alert's context is {@link WorkflowContext#NONE}. */
    Workflows NONE = alert -> WorkflowContext.NONE;

    /** The context of the alert's workflow; {@link WorkflowContext#NONE} (workflow null) when no runbook answers. */
    WorkflowContext match(Alert alert);
}
