package dev.threeam.classify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A runbook's {@code quality_signals} as quality evidence: the runbook says which metrics measure that workflow's
 * output ({@code copy_approval_rate}, {@code prep_forecast_mape}), so an alert on one of them is about the quality of
 * what it produced, as the on-call holding the runbook reads it: "copy_approval_rate for promo-writer is 0.52" is
 * quality drift even when its prose names spend, latency or tools to say they are fine. Matched as a whole phrase in
 * the alert's name, metrics, labels and prose (not where the prose rules it out); a cause named beside it still wins
 * through the overrides (what the answers were given to read, a provider's model change). A mention whose value
 * clears the runbook's bar ("verdict_agreement 0.86" against {@code ">= 0.8"}) says the signal is fine and counts for
 * nothing. A listed metric that itself
 * measures another type ({@code context_recall}, {@code p95_latency_seconds}, listed because a team watches it) is
 * that type's evidence, read by that type's rules, not the runbook's word for quality; a word that only names a part
 * of the system ("grounding" in {@code event_grounding}) does not make it so.
 */
final class QualitySignals {

    static final double WEIGHT = 1.0;
    private static final SignalRule RULE = SignalRule.of("quality-signal", FailureType.QUALITY_DRIFT, WEIGHT, "$^");

    private static final java.util.Map<String, Boolean> MEASURES_OTHER = new java.util.concurrent.ConcurrentHashMap<>();

    private QualitySignals() {}

    /** True when a built-in rule of another type reads the metric's name ("context recall" is a retrieval measure). */
    private static boolean measuresAnotherType(String phrase) {
        Signal metric = new Signal(Where.METRIC, "metric", phrase, phrase, null);
        for (SignalRule rule : BuiltInRules.RULES) {
            if (rule.type() != FailureType.QUALITY_DRIFT && rule.type() != FailureType.UNCLASSIFIED && !rule.component()) {
                Hit hit = rule.match(metric, phrase);
                if (hit != null && hit.factor() > 0 && rule.weight() >= 0.8) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The strongest mention of one of the workflow's quality signals, or null. */
    static Hit match(WorkflowContext workflow, List<Signal> signals) {
        Hit best = null;
        for (QualityBar bar : workflow.qualitySignals()) {
            String metric = bar.metric();
            String phrase = Words.normalize(metric);
            if (phrase.isBlank() || MEASURES_OTHER.computeIfAbsent(phrase, QualitySignals::measuresAnotherType)) {
                continue;
            }
            if (signals.stream().anyMatch(signal -> bar.met(signal.raw()).orElse(false))) {
                continue; // "verdict_agreement 0.86 this shift" with a bar of 0.8: the alert says it is fine
            }
            Pattern pattern = Pattern.compile("\\b" + Pattern.quote(phrase) + "\\b");
            for (Signal signal : signals) {
                double factor = signal.firstCounted(pattern);
                if (factor > 0) {
                    best = Hit.stronger(best, new Hit(RULE, signal, metric, factor));
                }
            }
        }
        return best;
    }
}
