package dev.threeam.sandbox;

import dev.threeam.common.ThreeAmException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new ThreeAmException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
