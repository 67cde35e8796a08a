package dev.threeam.store;

import java.util.function.BiConsumer;

/**
 * Carries out the rows of one kind. Returning normally marks the row done; a {@link DeliveryException} says whether
 * and when to try again.
 */
public interface OutboxHandler<P extends OutboxPayload> {

    /** The payload record of this kind. */
    Class<P> payloadType();

    void deliver(OutboxMessage row, P payload);

    static <P extends OutboxPayload> OutboxHandler<P> of(Class<P> type, BiConsumer<OutboxMessage, P> deliver) {
        return new OutboxHandler<>() {
            @Override
            public Class<P> payloadType() {
                return type;
            }

            @Override
            public void deliver(OutboxMessage row, P payload) {
                deliver.accept(row, payload);
            }
        };
    }
}
