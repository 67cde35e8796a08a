package dev.threeam.common;

import java.util.regex.Pattern;

/**
 * The one text utility: outside text (alert titles, labels, change summaries) cut to a limit with a visible marker,
 * and escaped for Slack mrkdwn so it can never mention {@code @channel}, {@code @here}, a person or a group, nor
 * inject a link.
 */
public final class Text {

    public static final String TRUNCATED = "…[truncated]";
    private static final Pattern BROADCAST = Pattern.compile("(?i)@(channel|here|everyone|subteam)");

    private Text() {}

    /** Cuts to {@code max} characters with a marker, never inside an escape such as {@code &amp;} nor a surrogate pair. */
    public static String shorten(String text, int max) {
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

    /** Keeps the first {@code max} characters and appends the marker: for input capped at the door. */
    public static String cap(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, cut) + TRUNCATED;
    }

    /** Cuts to {@code max} characters ending in "…": for a label or a button, where a marker would not fit. */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text == null ? "" : text;
        }
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** Escapes {@code & < >} for Slack mrkdwn (so {@code <!here>}, {@code <@U…>} and {@code <url|text>} stay text). */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        // a zero-width space after @ keeps "@here" readable but inert even where link_names applies
        return BROADCAST.matcher(escaped).replaceAll("@\u200B$1");
    }

    /** Escapes, then cuts to {@code max} characters. */
    public static String escape(String text, int max) {
        return shorten(escape(text), max);
    }

    /** {@code 45 s}, {@code 12 min}: how long, as a person says it. */
    public static String minutes(java.time.Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 1 ? duration.toSeconds() + " s" : minutes + " min";
    }
}
