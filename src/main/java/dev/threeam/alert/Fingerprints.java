package dev.threeam.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Stable fingerprints for alerts whose sender gave none: a SHA-256 prefix over what identifies the alert. */
final class Fingerprints {

    private static final int HEX_LENGTH = 16;

    private Fingerprints() {}

    /** The same workflow, title and label set always give the same fingerprint, whatever the label order. */
    static String of(String workflow, String title, Map<String, String> labels) {
        StringBuilder identity = new StringBuilder();
        identity.append(workflow == null ? "" : workflow).append('\n').append(title).append('\n');
        new TreeMap<>(labels).forEach((key, value) -> identity.append(key).append('=').append(value).append('\n'));
        return sha256Hex(identity.toString()).substring(0, HEX_LENGTH);
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
