package dev.threeam.classify;

/**
 * One thing read from an alert that a rule can match: its alert name, a metric name, a label, a line of text.
 *
 * @param where      which kind of place it came from (weighs the match)
 * @param origin     how a human finds it: {@code alertname}, {@code label}, {@code description}, {@code metric in generatorURL}
 * @param raw        the value as the alert carries it ({@code key=value} for labels)
 * @param normalized the value in {@link Words#normalize} form, which rules read
 */
record Signal(Where where, String origin, String raw, String normalized) {

    static Signal of(Where where, String origin, String raw) {
        return new Signal(where, origin, raw, Words.normalize(raw));
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
