package dev.threeam.incident;

import dev.threeam.classify.Classification;
import dev.threeam.classify.FailureType;
import java.time.Duration;
import java.time.Instant;

/** One incident: the state its card shows. Rows of {@code incidents}. */
public record Incident(
        String id,
        long seq,
        String incidentKey,
        String title,
        String workflow,
        String failureType,
        String evidence,
        double confidence,
        String severity,
        String status,
        boolean drill,
        String acknowledgedBy,
        long alertCount,
        Instant openedAt,
        Instant acknowledgedAt,
        Instant mitigatedAt,
        Instant resolvedAt,
        Instant lastAlertAt,
        String channel,
        String ts,
        Instant cardUpdatedAt,
        Long suspectedChange,
        String resumeGate,
        String lookupNote,
        String drillType) {

    public static final String GATE_CLOSED = "closed";
    public static final String GATE_APPROVED = "approved";

    public FailureType type() {
        return FailureType.fromId(failureType).orElse(FailureType.UNCLASSIFIED);
    }

    public Classification classification() {
        return new Classification(type(), evidence, confidence);
    }

    public IncidentStatus state() {
        return IncidentStatus.fromId(status);
    }

    public boolean open() {
        return state().open();
    }

    public boolean gateClosed() {
        return GATE_CLOSED.equals(resumeGate);
    }

    /** How long it has been open (until resolution, once resolved). */
    public Duration age(Instant now) {
        return Duration.between(openedAt, resolvedAt != null ? resolvedAt : now);
    }
}
