package dev.threeam.signal;

import dev.threeam.common.ThreeAmException;

/** A body that decompresses to more than {@link OtlpCodec#MAX_DECODED} bytes (413), nothing kept. */
public final class BodyTooLarge extends ThreeAmException {
    public BodyTooLarge(String message) {
        super(message);
    }
}
