package dev.threeam.store;

import dev.threeam.common.ThreeAmException;
import java.time.Duration;

/** Why an outbox row was not carried out this time, and what the worker should do with it. */
public class DeliveryException extends ThreeAmException {

    public enum Next { RETRY_AFTER, BACKOFF, GIVE_UP }

    private final Next next;
    private final Duration wait;
    private final String code;

    private DeliveryException(Next next, Duration wait, String code, String message) {
        super(message);
        this.next = next;
        this.wait = wait;
        this.code = code;
    }

    /** Try again after {@code wait}; not a failure (a rate limit, a card not posted yet). */
    public static DeliveryException waitFor(Duration wait, String message) {
        return new DeliveryException(Next.RETRY_AFTER, wait, "wait", message);
    }

    /** A failure that may pass: retry with backoff and jitter. */
    public static DeliveryException transientFailure(String code, String message) {
        return new DeliveryException(Next.BACKOFF, null, code, message);
    }

    /**
     * A failure whose outcome is unknown (a timeout: the call may still take effect): retry with backoff, but not
     * before {@code atLeast}, so a late effect can be seen before trying again.
     */
    public static DeliveryException transientFailure(String code, String message, Duration atLeast) {
        return new DeliveryException(Next.BACKOFF, atLeast, code, message);
    }

    /** Calling again will not help: record it and stop. */
    public static DeliveryException permanent(String code, String message) {
        return new DeliveryException(Next.GIVE_UP, null, code, message);
    }

    public Next next() {
        return next;
    }

    /** How long to wait: for {@link Next#RETRY_AFTER}, or the least backoff of an ambiguous failure (else null). */
    public Duration waitTime() {
        return wait;
    }

    /** A short machine code for metrics ({@code channel_not_found}, {@code http_500}). */
    public String code() {
        return code;
    }
}
