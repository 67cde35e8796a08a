package dev.threeam.store;

import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * Carries out the rows of one kind. Returning normally marks the row done; a {@link DeliveryException} says whether
 * and when to try again.
 */
public interface OutboxHandler<P extends OutboxPayload> {

    /** Nothing to record beside marking the row done. */
    Runnable NOTHING = () -> { };

    /** The payload record of this kind. */
    Class<P> payloadType();

    /**
     * Carries out the row and returns what to record about it (where Slack put a message, when a card was drawn): it
     * is written in the transaction that marks the row done, so a delivery costs one commit after the call, not two.
     */
    Runnable deliver(OutboxMessage row, P payload);

    /** False while rows of this kind could not be sent anyway (a rate limit): the worker then does not claim them. */
    default boolean ready() {
        return true;
    }

    /** This handler, claimed only while {@code ready} says so. */
    default OutboxHandler<P> readyWhen(BooleanSupplier ready) {
        OutboxHandler<P> handler = this;
        return new OutboxHandler<>() {
            @Override
            public Class<P> payloadType() {
                return handler.payloadType();
            }

            @Override
            public Runnable deliver(OutboxMessage row, P payload) {
                return handler.deliver(row, payload);
            }

            @Override
            public boolean ready() {
                return ready.getAsBoolean() && handler.ready();
            }
        };
    }

    static <P extends OutboxPayload> OutboxHandler<P> of(Class<P> type, BiConsumer<OutboxMessage, P> deliver) {
        return recording(type, (row, payload) -> {
            deliver.accept(row, payload);
            return NOTHING;
        });
    }

    /** A handler whose deliveries return what to record with the row's {@code done}. */
    static <P extends OutboxPayload> OutboxHandler<P> recording(Class<P> type, BiFunction<OutboxMessage, P, Runnable> deliver) {
        return new OutboxHandler<>() {
            @Override
            public Class<P> payloadType() {
                return type;
            }

            @Override
            public Runnable deliver(OutboxMessage row, P payload) {
                return deliver.apply(row, payload);
            }
        };
    }
}
