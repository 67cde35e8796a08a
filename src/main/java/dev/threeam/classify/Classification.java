package dev.threeam.classify;

import java.util.Objects;
import java.util.Optional;

/**
 * The failure type 3am believes an alert shows, why, and how sure it is.
 *
 * @param failureType the type
 * @param evidence    what a human can check in one glance ("alertname RagRecallAt5Low matched retrieval rule recall")
 * @param confidence  0..1; 1.0 for an explicit label, lower for rules reading free text
 * @param runnerUp    the second most likely type, or empty when nothing else scored (never {@code unclassified})
 * @param lead        how far the chosen type is ahead of the runner-up, as a share of its own score: 1.0 when
 *                    there is no runner-up, 0.0 on a tie
 */
public record Classification(FailureType failureType, String evidence, double confidence,
                             Optional<FailureType> runnerUp, double lead) {

    /**
     * The runner-up is close when the chosen type leads it by less than this share of its score (a runner-up
     * scoring more than 75% of the winner). The card then names both ("quality_drift — or retrieval_failure").
     */
    public static final double CLOSE_LEAD = 0.25;

    public Classification {
        Objects.requireNonNull(failureType, "failureType");
        evidence = evidence == null ? "" : evidence;
        runnerUp = runnerUp == null ? Optional.empty() : runnerUp;
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
        }
        if (runnerUp.isEmpty()) {
            lead = 1.0;
        }
        lead = Math.max(0.0, Math.min(1.0, lead));
    }

    /** A classification with nothing else in the running. */
    public Classification(FailureType failureType, String evidence, double confidence) {
        this(failureType, evidence, confidence, Optional.empty(), 1.0);
    }

    public static Classification unclassified(String evidence) {
        return new Classification(FailureType.UNCLASSIFIED, evidence, 0.0);
    }

    /** Certain: the sender said so (an explicit label, or 3am's own telemetry). */
    public static Classification certain(FailureType failureType, String evidence) {
        return new Classification(failureType, evidence, 1.0);
    }

    /** True when a runner-up exists and scored within {@link #CLOSE_LEAD} of the chosen type. */
    public boolean runnerUpIsClose() {
        return runnerUp.isPresent() && lead < CLOSE_LEAD;
    }

    /** The same classification with a note added to its evidence. */
    Classification withNote(String note) {
        return note.isEmpty() ? this : new Classification(failureType, evidence + note, confidence, runnerUp, lead);
    }
}
