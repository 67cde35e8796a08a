package dev.threeam.classify;

/** A rule that matched a signal, and what it matched. */
record Hit(SignalRule rule, Signal signal, String matched) {

    double score() {
        return rule.weight() * signal.where().weight();
    }

    /** {@code alertname `RagRecallAt5Low` matched retrieval rule `recall`}. */
    String evidence() {
        return signal.describe(matched) + " matched " + TypeWords.shortName(rule.type()) + " rule `" + rule.name() + "`";
    }
}
