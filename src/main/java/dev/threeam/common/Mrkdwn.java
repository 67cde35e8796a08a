package dev.threeam.common;

import java.util.regex.Pattern;

/**
 * Makes outside text (alert titles, labels, change summaries) safe to show in Slack mrkdwn: it can never mention
 * {@code @channel}, {@code @here}, a person or a group, nor inject a link, and it fits Slack's limits.
 */
public final class Mrkdwn {

    private static final Pattern BROADCAST = Pattern.compile("(?i)@(channel|here|everyone|subteam)");
    private static final String TRUNCATED = "…[truncated]";

    private Mrkdwn() {}

    /** Escapes {@code & < >} (so {@code <!here>}, {@code <@U…>} and {@code <url|text>} stay literal text). */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        // a zero-width space after @ keeps "@here" readable but inert even where link_names applies
        return BROADCAST.matcher(escaped).replaceAll("@\u200B$1");
    }

    /** Escapes and cuts to {@code max} characters, marking the cut. */
    public static String escape(String text, int max) {
        return truncate(escape(text), max);
    }

    /** Cuts to {@code max} characters with a marker, never inside an escape sequence such as {@code &amp;}. */
    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text == null ? "" : text;
        }
        int cut = Math.max(0, max - TRUNCATED.length());
        int amp = text.lastIndexOf('&', cut);
        if (amp >= 0 && amp > cut - 6 && text.indexOf(';', amp) >= cut) {
            cut = amp;
        }
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + TRUNCATED;
    }

    /** A user mention for a Slack user id we trust (it came from Slack, not from an alert). */
    public static String user(String userId) {
        return userId == null || userId.equals("3am") ? "3am" : "<@" + userId + ">";
    }
}
