package dev.threeam.incident;

import dev.threeam.alert.Alert;
import dev.threeam.classify.Classification;
import dev.threeam.runbook.Runbook;
import java.util.function.Supplier;

/**
 * An alert with its workflow decided, ready to be written in one transaction. Its classification is worked out
 * only when it opens an incident: an alert joining an open incident (nearly all of them in a storm) needs none.
 */
final class PreparedAlert {

    private final Alert alert;
    private final Runbook runbook;
    private final String workflow;
    private final String lookupNote;
    private final Supplier<Classification> classifier;
    private Classification classification;

    PreparedAlert(Alert alert, Runbook runbook, String workflow, Supplier<Classification> classifier, String lookupNote) {
        this.alert = alert;
        this.runbook = runbook;
        this.workflow = workflow;
        this.classifier = classifier;
        this.lookupNote = lookupNote;
    }

    Alert alert() {
        return alert;
    }

    Runbook runbook() {
        return runbook;
    }

    String workflow() {
        return workflow;
    }

    String lookupNote() {
        return lookupNote;
    }

    Classification classification() {
        if (classification == null) {
            classification = classifier.get();
        }
        return classification;
    }

    String key() {
        return IncidentKey.of(alert, workflow);
    }
}
