package dev.threeam.classify;

import dev.threeam.alert.Alert;
import java.util.Objects;

/**
 * One labelled alert to replay: what it is called, the alert as the real parser read it (the first firing alert
 * of the payload, the one that opens the incident), and what 3am should make of it.
 *
 * @param name             the corpus file name, or a stored example's description
 * @param alert            the alert that opens the incident
 * @param expectedType     the labelled failure type
 * @param expectedWorkflow the labelled workflow, or null for none
 */
public record ReplayCase(String name, Alert alert, FailureType expectedType, String expectedWorkflow) {

    public ReplayCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(expectedType, "expectedType");
    }
}
