package dev.threeam.signal;

import dev.threeam.common.ThreeAmException;

/** An OTLP body that is not the message it claims to be: the whole request is refused (400), nothing kept. */
public final class UndecodableBody extends ThreeAmException {
    public UndecodableBody(String message) {
        super(message);
    }
}
