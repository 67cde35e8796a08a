package dev.threeam.slack;

import dev.threeam.common.ThreeAmException;
import java.time.Duration;

/** A Slack Web API call that did not succeed, sorted by what the outbox should do about it. */
public class SlackCallException extends ThreeAmException {

    public enum Kind {
        /** 429: wait {@link #retryAfter()} and call again; not a failure. */
        RATE_LIMITED,
        /** 5xx, a timeout, a refused connection: retry with backoff. */
        TRANSIENT,
        /** Slack refused the bot token ({@code invalid_auth}, {@code token_revoked} …): wait; nothing works until it is replaced. */
        TOKEN_REFUSED,
        /** {@code not_in_channel}: join the channel and try once more. */
        NOT_IN_CHANNEL,
        /** {@code channel_not_found}, {@code invalid_blocks} …: calling again will not help. */
        PERMANENT
    }

    private final Kind kind;
    private final String error;
    private final Duration retryAfter;

    public SlackCallException(String method, Kind kind, String error, Duration retryAfter) {
        super(method + " failed: " + error);
        this.kind = kind;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** Slack's error code ({@code channel_not_found}) or what went wrong on the wire. */
    public String error() {
        return error;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
