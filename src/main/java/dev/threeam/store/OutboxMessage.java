package dev.threeam.store;

import java.time.Instant;

/** One side effect waiting to happen (a Slack call, a page, a rollback). Rows of {@code outbox}. */
public record OutboxMessage(
        long id,
        String incidentId,
        OutboxKind kind,
        int priority,
        String payload,
        String coalesceKey,
        String status,
        int attempts,
        Instant notBefore,
        String claimedBy,
        Instant claimedUntil,
        Instant createdAt,
        String lastError) {}
