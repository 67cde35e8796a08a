package dev.threeam.classify;

import java.util.Objects;

/**
 * The failure type 3am believes an alert shows, and why.
 *
 * @param failureType the type
 * @param evidence    what a human can check in one glance ("alertname RagRecallAt5Low matched retrieval rule recall")
 * @param confidence  0..1; 1.0 for an explicit label, lower for rules reading free text
 */
public record Classification(FailureType failureType, String evidence, double confidence) {

    public Classification {
        Objects.requireNonNull(failureType, "failureType");
        evidence = evidence == null ? "" : evidence;
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
        }
    }

    public static Classification unclassified(String evidence) {
        return new Classification(FailureType.UNCLASSIFIED, evidence, 0.0);
    }
}
