package dev.threeam.sandbox;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Only the sandbox page itself may press its buttons, so no other web page the developer opens can. Runs before every
 * request under {@code /sandbox} and answers 403, before anything changes:
 * <ul>
 * <li>any request whose {@code Host} is not a name the sandbox answers as ({@code localhost}, an IP address,
 *     {@code HOST}, {@code PUBLIC_URL}'s host): a page on a rebound DNS name never gets to read the page token;</li>
 * <li>any POST a browser marks as coming from elsewhere ({@code Sec-Fetch-Site} other than {@code same-origin}, or an
 *     {@code Origin} other than the sandbox's own);</li>
 * <li>a POST to one of the page's endpoints without the page token in {@value #TOKEN_HEADER} (a secret of this
 *     process, embedded in the page) or without a JSON body: no cross-site form or simple request can send either.</li>
 * </ul>
 * The bot's own calls ({@code /sandbox/api/}, {@code /sandbox/response/}) carry the bot token or an unguessable URL
 * instead of the page token.
 */
final class SameOriginGuard {

    static final String TOKEN_HEADER = "X-Sandbox-Token";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Set<String> BOT_FACING = Set.of(SandboxApi.PATH_PREFIX, ResponseUrls.PATH);

    private final String token;
    private final Set<String> hostNames;

    /** @param hostNames names besides {@code localhost} and IP addresses that browsers may reach the sandbox by */
    SameOriginGuard(Set<String> hostNames) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret);
        this.hostNames = Set.copyOf(hostNames.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
    }

    /** The page token: embedded in the page, sent back by its script. */
    String token() {
        return token;
    }

    void check(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !known(hostName(host))) {
            throw new ForbiddenResponse("Host " + host + ": the sandbox answers only as localhost, an IP address"
                    + (hostNames.isEmpty() ? "" : " or " + String.join(", ", hostNames)) + " (set PUBLIC_URL to add a name)");
        }
        if (!"POST".equals(ctx.method().name())) {
            return;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            throw new ForbiddenResponse("Sec-Fetch-Site " + site + ": only the sandbox page itself may post to " + ctx.path());
        }
        String origin = ctx.header("Origin");
        if (origin != null && !authority(origin).equalsIgnoreCase(host)) {
            throw new ForbiddenResponse("Origin " + origin + ": only the sandbox page itself (" + host + ") may post to " + ctx.path());
        }
        if (BOT_FACING.stream().anyMatch(ctx.path()::startsWith)) {
            return;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new ForbiddenResponse("Content-Type " + (type.isEmpty() ? "(none)" : type) + ": " + ctx.path() + " takes application/json only");
        }
        String sent = ctx.header(TOKEN_HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse(TOKEN_HEADER + ": " + (sent == null ? "missing" : "wrong")
                    + "; only the page at /sandbox (reload it) may post to " + ctx.path());
        }
    }

    private boolean known(String name) {
        return name.equals("localhost") || IPV4.matcher(name).matches() || name.startsWith("[") || hostNames.contains(name);
    }

    /** {@code 127.0.0.1:3000} → {@code 127.0.0.1}; {@code [::1]:3000} → {@code [::1]}. */
    private static String hostName(String host) {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("[")) {
            int end = lower.indexOf(']');
            return end < 0 ? lower : lower.substring(0, end + 1);
        }
        int colon = lower.indexOf(':');
        return colon < 0 ? lower : lower.substring(0, colon);
    }

    /** {@code http://127.0.0.1:3000} → {@code 127.0.0.1:3000}; {@code null} and anything unreadable → empty. */
    private static String authority(String origin) {
        try {
            String authority = URI.create(origin.trim()).getRawAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
