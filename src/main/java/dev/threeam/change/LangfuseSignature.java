package dev.threeam.change;

import dev.threeam.common.Hmac;

import dev.threeam.common.JsonFields;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks {@code x-langfuse-signature: t=<unix seconds>,v1=<hex>}: an HMAC-SHA256 of {@code "<t>.<raw body>"}
 * keyed with the webhook secret, sent within {@link #TOLERANCE} of now. Langfuse names the signature {@code v1};
 * {@code s} is accepted too. Comparison is constant-time.
 */
public final class LangfuseSignature {

    public static final String HEADER = "x-langfuse-signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String FORMAT = " (expected t=<unix seconds>,v1=<hex HMAC-SHA256>)";

    private final String secret;
    private final Clock clock;

    /** {@code secret} may be null or blank: then every request is refused, saying the secret is not set. */
    public LangfuseSignature(String secret, Clock clock) {
        this.secret = secret == null || secret.isBlank() ? null : secret;
        this.clock = clock;
    }

    public boolean configured() {
        return secret != null;
    }

    /** Returns quietly when {@code header} signs {@code body}; throws {@link SignatureException} saying why not. */
    public void verify(String header, byte[] body) {
        if (secret == null) {
            throw refused("cannot be checked: LANGFUSE_WEBHOOK_SECRET is not set");
        }
        if (header == null || header.isBlank()) {
            throw refused("missing");
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            String key = equals < 0 ? part.strip() : part.substring(0, equals).strip();
            String value = equals < 0 ? "" : part.substring(equals + 1).strip();
            switch (key) {
                case "t" -> timestamp = value;
                case "v1", "s" -> signatures.add(value);
                default -> { } // other schemes: ignored, as senders add new ones beside the old
            }
        }
        if (timestamp == null || timestamp.isEmpty()) {
            throw refused("no timestamp" + FORMAT);
        }
        if (signatures.isEmpty()) {
            throw refused("no signature" + FORMAT);
        }
        long seconds = seconds(timestamp);
        byte[] expected = hmac(secret, timestamp, body);
        if (signatures.stream().noneMatch(signature -> Hmac.same(expected, hex(signature)))) {
            throw refused("signature does not match");
        }
        long now = clock.instant().getEpochSecond();
        if (seconds < now - TOLERANCE.toSeconds() || seconds > now + TOLERANCE.toSeconds()) {
            String when = seconds < now ? "sent " + (now - seconds) + " s ago" : "dated " + (seconds - now) + " s ahead";
            throw refused("timestamp outside the 5-minute window (" + when + "; check the sender's clock)");
        }
    }

    /** The header a sender puts on {@code body} at {@code epochSeconds}: for tests and test senders. */
    public static String header(String secret, long epochSeconds, byte[] body) {
        String timestamp = Long.toString(epochSeconds);
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    private static byte[] hmac(String secret, String timestamp, byte[] body) {
        return Hmac.sha256(secret, Hmac.utf8(timestamp + "."), body);
    }

    private static long seconds(String timestamp) {
        if (!timestamp.matches("[0-9]{1,18}")) {
            throw refused("timestamp " + JsonFields.quoted(timestamp) + " is not a number of seconds" + FORMAT);
        }
        return Long.parseLong(timestamp);
    }

    /** The signature's bytes; an empty array (which never matches) when it is not hex. */
    private static byte[] hex(String signature) {
        try {
            return HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static SignatureException refused(String why) {
        return new SignatureException(HEADER + ": " + why);
    }
}
