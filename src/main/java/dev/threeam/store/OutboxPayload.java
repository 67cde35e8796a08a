package dev.threeam.store;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What one outbox row asks for, as a record of its own per kind (serialized by Jackson into the row's payload). The
 * concept that asks for a side effect owns its payload record; the handler of that kind reads it back.
 */
public interface OutboxPayload {

    @JsonIgnore
    OutboxKind kind();
}
