package dev.threeam.slack;

import dev.threeam.common.Hmac;

import java.time.Clock;
import java.time.Duration;

/**
 * Checks Slack's request signature over the raw body bytes, exactly as received ({@code v0=} HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>}), within a 5-minute window. Done here rather than in Bolt because Bolt hashes the
 * body with the platform charset, which breaks non-ASCII payloads on machines whose default is not UTF-8.
 */
public final class SlackSignature {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private final String secret;
    private final Clock clock;

    public SlackSignature(String signingSecret, Clock clock) {
        this.secret = signingSecret;
        this.clock = clock;
    }

    /** Null when the request is genuine; otherwise why it is not (for the 401 body and the log). */
    public String problem(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return "missing X-Slack-Request-Timestamp or X-Slack-Signature";
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return "X-Slack-Request-Timestamp is not a number";
        }
        if (Math.abs(clock.instant().getEpochSecond() - sent) > WINDOW.toSeconds()) {
            return "X-Slack-Request-Timestamp is outside the 5-minute window";
        }
        return Hmac.same(sign(timestamp.trim(), body), signature.trim()) ? null : "signature does not match";
    }

    String sign(String timestamp, byte[] body) {
        return "v0=" + Hmac.sha256Hex(secret, Hmac.utf8("v0:" + timestamp + ":"), body);
    }
}
