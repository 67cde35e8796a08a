package dev.threeam.change;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How a change reads to people. Plain text without Slack markup: whoever renders it escapes it for its medium.
 */
public final class ChangeText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ChangeText() {}

    /** "prompt: Prompt v42: shorter refusals" on one line: a Q2 button's label and the answer recorded for it. */
    public static String oneLine(ChangeEvent change) {
        return (change.kind().id() + ": " + change.summary()).replaceAll("\\s+", " ").strip();
    }

    /** {@link #oneLine(ChangeEvent)} cut to {@code max} characters with "…" (Slack buttons hold 75). */
    public static String oneLine(ChangeEvent change, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2, got " + max);
        }
        return dev.threeam.common.Text.clip(oneLine(change), max);
    }

    /**
     * Who, what, from → to, when: "dana changed prompt of support-answers: Prompt v42: shorter refusals
     * (v41 → v42), 2026-11-28 01:40 UTC".
     */
    public static String description(ChangeEvent change) {
        StringBuilder text = new StringBuilder();
        text.append(change.author() == null ? "Someone" : change.author())
                .append(" changed ").append(change.kind().id())
                .append(" of ").append(change.workflow())
                .append(": ").append(change.summary());
        String versions = versions(change);
        if (!versions.isEmpty()) {
            text.append(" (").append(versions).append(")");
        }
        text.append(", ").append(WHEN.format(change.at()));
        if (ChangeEvent.SOURCE_LANGFUSE.equals(change.source())) {
            text.append(", via Langfuse");
        }
        return text.toString();
    }

    private static String versions(ChangeEvent change) {
        if (change.from() != null && change.to() != null) {
            return change.from() + " → " + change.to();
        }
        if (change.to() != null) {
            return "to " + change.to();
        }
        return change.from() == null ? "" : "from " + change.from();
    }
}
