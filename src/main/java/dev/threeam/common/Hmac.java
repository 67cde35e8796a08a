package dev.threeam.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 as webhook senders sign with it (Slack, Langfuse), and a constant-time comparison. */
public final class Hmac {

    private Hmac() {}

    /** The HMAC-SHA256 of the parts, one after the other, under {@code secret} (UTF-8). */
    public static byte[] sha256(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new ThreeAmException("HmacSHA256 is not available in this JVM: " + e.getMessage(), e);
        }
    }

    /** As {@link #sha256}, in lower-case hex. */
    public static String sha256Hex(String secret, byte[]... parts) {
        return HexFormat.of().formatHex(sha256(secret, parts));
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Compares in time independent of where they differ, so a signature cannot be guessed byte by byte. */
    public static boolean same(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }

    public static boolean same(String expected, String given) {
        return given != null && same(utf8(expected), utf8(given));
    }
}
