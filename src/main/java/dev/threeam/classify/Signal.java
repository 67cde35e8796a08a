package dev.threeam.classify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing read from an alert that a rule can match: its alert name, a metric name, a label, a piece of prose.
 *
 * @param where      which kind of place it came from (weighs the match)
 * @param origin     how a human finds it: {@code alertname}, {@code label}, {@code description}, {@code metric in generatorURL}
 * @param raw        the value as the alert carries it ({@code key=value} for labels)
 * @param normalized the value in {@link Words#normalize} form (prose in {@link Words#prose} form, names blotted out), which rules read
 * @param clauses    for prose, how much each part of it counts; null for names, metrics and labels
 */
record Signal(Where where, String origin, String raw, String normalized, Clauses clauses) {

    static Signal of(Where where, String origin, String raw) {
        return new Signal(where, origin, raw, Words.normalize(raw), null);
    }

    static Signal prose(Where where, String origin, String raw, String blotted) {
        return new Signal(where, origin, raw, blotted, Clauses.of(blotted));
    }

    /** How much a match starting at {@code offset} counts: what a sentence rules out counts for nothing. */
    double factor(int offset) {
        return clauses == null ? 1.0 : clauses.factor(offset);
    }

    /**
     * How much the first match of {@code pattern} that counts (one the prose does not rule out) counts, or 0 when
     * none does.
     */
    double firstCounted(Pattern pattern) {
        Matcher matcher = pattern.matcher(normalized);
        while (matcher.find()) {
            double factor = factor(matcher.start());
            if (factor > 0) {
                return factor;
            }
        }
        return 0;
    }

    /** True inside quoted speech in prose (a reply quoted with {@code >} or in quotation marks). */
    boolean quoted(int offset) {
        return clauses != null && clauses.quoted(offset);
    }

    /** One evidence phrase: {@code alertname `RagRecallAt5Low`}, {@code label `error_type=503`}, {@code description `…503s…`}. */
    String describe(String matched) {
        return switch (where) {
            case TEXT -> origin + " `…" + Words.shorten(matched, 60) + "…`";
            case LABEL -> "label `" + Words.shorten(raw, 80) + "`";
            case METRIC -> origin.startsWith("metric")
                    ? "metric `" + Words.shorten(raw, 80) + "`" + origin.substring("metric".length())
                    : origin + " `" + Words.shorten(raw, 80) + "`";
            case NAME -> origin + " `" + Words.shorten(raw, 80) + "`";
        };
    }
}
