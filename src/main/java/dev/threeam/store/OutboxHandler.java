package dev.threeam.store;

/**
 * Carries out one outbox row. Returning normally marks it done; a {@link DeliveryException} says whether and when
 * to try again.
 */
@FunctionalInterface
public interface OutboxHandler {
    void deliver(OutboxMessage message);
}
