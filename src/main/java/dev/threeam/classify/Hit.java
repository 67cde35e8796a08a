package dev.threeam.classify;

/**
 * A rule that matched a signal, what it matched, and how much that part of the signal counts ({@link Clauses}).
 */
record Hit(SignalRule rule, Signal signal, String matched, double factor) {

    double score() {
        return rule.weight() * signal.where().weight() * factor;
    }

    /** {@code alertname `RagRecallAt5Low` matched retrieval rule `recall`}. */
    String evidence() {
        if (rule.name().equals("known-limit")) {
            return signal.origin() + " describes a " + matched;
        }
        return signal.describe(matched) + " matched " + TypeWords.shortName(rule.type()) + " rule `" + rule.name() + "`";
    }
}
