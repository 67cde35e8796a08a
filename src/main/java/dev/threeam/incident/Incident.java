package dev.threeam.incident;

import dev.threeam.alert.Severity;
import dev.threeam.classify.Classification;
import dev.threeam.classify.FailureType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One incident: the state its card shows.
 *
 * @param key            what makes alerts one incident ({@link IncidentKey})
 * @param workflow       the runbook's workflow, or null when no runbook matched
 * @param classification the failure type, its evidence and confidence
 * @param correctedBy    who set the type on Q1 when it differs from the classifier's, or null
 * @param drillType      for a drill, the failure type it really plays (null for a real incident)
 * @param progress       when it was opened, acknowledged (and by whom), mitigated, resolved
 * @param thread         where its card is in Slack (null until posted) and when the card was last drawn
 * @param lookupNote     why no runbook matched (which labels were looked at), or null
 */
public record Incident(
        String id,
        long seq,
        String key,
        String title,
        String workflow,
        Classification classification,
        String correctedBy,
        Severity severity,
        IncidentStatus status,
        FailureType drillType,
        Progress progress,
        long alertCount,
        SlackThread thread,
        Long suspectedChange,
        ResumeGate gate,
        String lookupNote) {

    /** When the incident moved through its lifecycle. */
    public record Progress(Instant openedAt, Instant acknowledgedAt, String acknowledgedBy, Instant mitigatedAt,
                           Instant resolvedAt, Instant lastAlertAt) {}

    /** Where the thread lives: its channel (decided at opening), the card's ts once posted, the last redraw. */
    public record SlackThread(String channel, String ts, Instant cardUpdatedAt) {}

    public boolean drill() {
        return drillType != null;
    }

    public FailureType type() {
        return classification.failureType();
    }

    public boolean open() {
        return status.open();
    }

    public boolean gateClosed() {
        return gate == ResumeGate.CLOSED;
    }

    public String channel() {
        return thread.channel();
    }

    /** The card's ts in Slack, or null while it is not posted yet. */
    public String ts() {
        return thread.ts();
    }

    public Instant openedAt() {
        return progress.openedAt();
    }

    public Instant acknowledgedAt() {
        return progress.acknowledgedAt();
    }

    public String acknowledgedBy() {
        return progress.acknowledgedBy();
    }

    public Instant mitigatedAt() {
        return progress.mitigatedAt();
    }

    public Instant resolvedAt() {
        return progress.resolvedAt();
    }

    /** The type a drill plays, else the incident's own. */
    public FailureType realType() {
        return Optional.ofNullable(drillType).orElse(type());
    }

    /** How long it has been open (until resolution, once resolved). */
    public Duration age(Instant now) {
        return Duration.between(progress.openedAt(), progress.resolvedAt() != null ? progress.resolvedAt() : now);
    }
}
