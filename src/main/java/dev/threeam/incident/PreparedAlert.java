package dev.threeam.incident;

import dev.threeam.alert.Alert;
import dev.threeam.classify.Classification;
import dev.threeam.runbook.Runbook;

/** An alert with its workflow and classification decided, ready to be written in one transaction. */
record PreparedAlert(Alert alert, Runbook runbook, String workflow, Classification classification, String lookupNote) {

    String key() {
        return IncidentKey.of(alert, workflow);
    }
}
