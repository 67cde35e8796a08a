package dev.threeam.action;

import java.time.Instant;

/**
 * One action on an incident (a page, a rollback, an eval run) and where it stands: {@code in_flight},
 * {@code done}, {@code failed}, or {@code would_have} in a drill. Rows of {@code actions}: the audit trail.
 */
public record ActionRecord(
        long id,
        String incidentId,
        String actionKey,
        String kind,
        String target,
        String byUser,
        String status,
        Instant at,
        String detail,
        Instant finishedAt,
        Boolean allowed) {}
