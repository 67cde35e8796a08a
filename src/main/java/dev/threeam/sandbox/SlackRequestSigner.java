package dev.threeam.sandbox;

import dev.threeam.common.Hmac;

import dev.threeam.common.ThreeAmException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a request body as Slack does: {@code X-Slack-Request-Timestamp} (epoch seconds) and
 * {@code X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}, all UTF-8.
 */
public final class SlackRequestSigner {

    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";

    private final String signingSecret;
    private final Clock clock;

    public SlackRequestSigner(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isEmpty()) {
            throw new ThreeAmException("the sandbox needs a signing secret to sign requests to the bot");
        }
        this.signingSecret = signingSecret;
        this.clock = clock;
    }

    /** The two headers to send with this body, timestamped now. */
    public Map<String, String> sign(String body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(SIGNATURE_HEADER, signature(timestamp, body));
        return headers;
    }

    /** {@code v0=} and the hex HMAC of {@code v0:timestamp:body}. */
    public String signature(String timestamp, String body) {
        return "v0=" + Hmac.sha256Hex(signingSecret, Hmac.utf8("v0:" + timestamp + ":" + body));
    }
}
