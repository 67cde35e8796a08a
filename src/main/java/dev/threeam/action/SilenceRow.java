package dev.threeam.action;

import java.time.Instant;

/**
 * The one silence of an incident (a row of {@code silences}): what is wanted ({@code active} until {@code endsAt}, or
 * {@code expired}), what Alertmanager holds ({@code silenceId}, {@code silencedUntil}; null while none exists), who
 * chose it, the action row of the latest choice, and whether a sync is queued.
 */
public record SilenceRow(
        String incidentId,
        String silenceId,
        String matchers,
        String wanted,
        Instant endsAt,
        Instant silencedUntil,
        String byUser,
        String createdBy,
        String actionKey,
        boolean queued) {

    static final String ACTIVE = "active";
    static final String EXPIRED = "expired";

    boolean wantedActive() {
        return ACTIVE.equals(wanted);
    }
}
