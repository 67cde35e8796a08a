package dev.threeam.web;

import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Requires {@code Authorization: Bearer <token>} on alert, change and API routes. {@code WEBHOOK_TOKEN} may list
 * several tokens, comma-separated, all accepted, so a token is rotated without downtime (add the new one, move the
 * senders, drop the old one). Each is compared in constant time, and every one is compared, so timing tells nothing.
 * Without a token configured (sandbox mode) every request passes. Refusals never repeat what was sent.
 */
final class BearerToken {

    private final List<byte[]> accepted;

    BearerToken(List<String> tokens) {
        this.accepted = tokens.stream().map(token -> token.getBytes(StandardCharsets.UTF_8)).toList();
    }

    void check(Context ctx) {
        if (accepted.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        byte[] bytes = given.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] token : accepted) {
            match |= MessageDigest.isEqual(token, bytes);
        }
        if (!match) {
            throw new UnauthorizedResponse(header == null ? "missing Authorization: Bearer token" : "wrong bearer token");
        }
    }
}
