package dev.threeam.change;

import dev.threeam.common.ThreeAmException;

/**
 * A webhook whose signature is missing, stale or wrong: the web layer answers 401 with the message
 * ({@code x-langfuse-signature: signature does not match}). Nothing has been written.
 */
public class SignatureException extends ThreeAmException {

    public SignatureException(String message) {
        super(message);
    }
}
