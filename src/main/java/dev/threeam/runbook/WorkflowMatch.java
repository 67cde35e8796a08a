package dev.threeam.runbook;

import java.util.Objects;
import java.util.Optional;

/**
 * Which runbook an alert belongs to, and how that was decided, in one sentence for the timeline:
 * "label service=helpdesk-bot is an alias of support-chat", or, when nothing matched,
 * "looked at workflow=–, service=payments-api, app=–, job=node-exporter: no runbook answers to these".
 */
public record WorkflowMatch(Optional<Runbook> runbook, String explanation) {

    public WorkflowMatch {
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(explanation, "explanation");
    }

    public boolean matched() {
        return runbook.isPresent();
    }

    /** The workflow id matched, or empty. */
    public Optional<String> workflow() {
        return runbook.map(Runbook::workflow);
    }
}
