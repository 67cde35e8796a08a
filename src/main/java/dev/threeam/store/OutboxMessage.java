package dev.threeam.store;

import java.time.Instant;

/**
 * One side effect waiting to happen (a Slack call, a page, a rollback). Rows of {@code outbox}. {@code attempts}: calls
 * that may have reached Slack (the next try looks before posting again); {@code failures}: failed tries (the backoff).
 */
public record OutboxMessage(
        long id,
        String incidentId,
        OutboxKind kind,
        int priority,
        String payload,
        String coalesceKey,
        String status,
        int attempts,
        int failures,
        Instant notBefore,
        String claimedBy,
        Instant claimedUntil,
        Instant createdAt,
        String lastError) {}
