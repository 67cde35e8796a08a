package dev.threeam.classify;

/**
 * A rule that matched a signal, what it matched, and how much that part of the signal counts ({@link Clauses}).
 *
 * @param ruledOut true when the prose also mentions this rule's words where it says they are fine
 */
record Hit(SignalRule rule, Signal signal, String matched, double factor, boolean ruledOut) {

    Hit(SignalRule rule, Signal signal, String matched, double factor) {
        this(rule, signal, matched, factor, factor == 0);
    }

    /** The stronger of two hits; {@code best} may be null. */
    static Hit stronger(Hit best, Hit hit) {
        return best == null || hit.score() > best.score() ? hit : best;
    }

    double score() {
        return rule.weight() * signal.where().weight() * factor;
    }

    /** {@code alertname `RagRecallAt5Low` matched retrieval rule `recall`}. */
    String evidence() {
        if (rule.name().equals("words")) {
            return signal.describe(Words.shorten(signal.raw(), 60)) + " has " + TypeWords.shortName(rule.type())
                    + " words (" + matched + ")";
        }
        if (rule.name().equals("runbook-tool")) {
            return signal.describe(Words.shorten(signal.raw(), 60)) + " names `" + matched
                    + "`, a tool of the runbook's Tool failure section, failing";
        }
        if (rule.name().equals("quality-signal")) {
            return signal.describe(matched) + " names the runbook's quality signal `" + matched + "`";
        }
        if (rule.name().equals("known-limit")) {
            return signal.origin() + " describes a " + matched;
        }
        return signal.describe(matched) + " matched " + TypeWords.shortName(rule.type()) + " rule `" + rule.name() + "`";
    }
}
