package dev.threeam.incident;

import dev.threeam.alert.Alert;
import dev.threeam.classify.Classification;
import dev.threeam.runbook.Runbook;
import java.util.function.Supplier;

/**
 * An alert with its workflow and incident key decided (on the caller's thread), ready to be written. Its
 * classification is worked out only when it opens an incident: an alert joining an open incident (nearly all of
 * them in a storm) needs none.
 */
final class PreparedAlert {

    private final Alert alert;
    private final Runbook runbook;
    private final String workflow;
    private final String lookupNote;
    private final String key;
    private final Supplier<Classification> classifier;
    private Classification classification;

    PreparedAlert(Alert alert, Runbook runbook, String workflow, Supplier<Classification> classifier, String lookupNote) {
        this.alert = alert;
        this.runbook = runbook;
        this.workflow = workflow;
        this.classifier = classifier;
        this.lookupNote = lookupNote;
        this.key = IncidentKey.of(alert, workflow);
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

    String key() {
        return key;
    }

    Classification classification() {
        if (classification == null) {
            classification = classifier.get();
        }
        return classification;
    }
}
