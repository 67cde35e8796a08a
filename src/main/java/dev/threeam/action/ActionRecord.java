package dev.threeam.action;

import java.time.Instant;

/**
 * One action on an incident (a page, a rollback, an eval run) and where it stands. Rows of {@code actions}: the
 * audit trail. {@code allowed}: whether the presser was allowed (recorded for rollbacks; drills score it).
 */
public record ActionRecord(
        long id,
        String incidentId,
        String actionKey,
        ActionKind kind,
        String target,
        String byUser,
        ActionStatus status,
        Instant at,
        String detail,
        Instant finishedAt,
        Boolean allowed) {}
