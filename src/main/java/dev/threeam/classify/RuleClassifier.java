package dev.threeam.classify;

import dev.threeam.alert.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the built-in rules: every rule is matched against every signal (its strongest match there); each type
 * is scored over its hits ({@link TypeScores}); the best type wins, the next one is the runner-up; then the
 * overrides let a named cause replace the symptom it explains. Below {@link #MIN_SCORE} nothing is decided, and
 * when infrastructure scores best the alert is {@code unclassified}: no AI signal.
 *
 * <p>Confidence: the place of the strongest signal sets it ({@link Where#confidence()}: the alert's name 0.9 …
 * prose 0.65); a lead of half the winner's score or more over the runner-up keeps it, a tie halves it.
 */
final class RuleClassifier {

    static final double MIN_SCORE = 0.4;
    /** A type scoring less than this is not worth naming as the runner-up. */
    static final double MIN_RUNNER_UP = 0.2;
    private static final double OVERRIDE_CONFIDENCE = 0.7;
    private static final double OVERRIDE_LEAD = 0.5;
    /** Rules whose words, said to be absent, do not clear their type: "no errors, no timeouts, just slow" is still slow. */
    private static final Set<String> ABSENCE_CLEARS_NOTHING = Set.of("timeout");

    private final List<SignalRule> rules;
    private final List<CauseOverride> overrides;
    private final List<FailureType> tieOrder;

    RuleClassifier(List<SignalRule> rules, List<CauseOverride> overrides, List<FailureType> tieOrder) {
        this.rules = List.copyOf(rules);
        this.overrides = List.copyOf(overrides);
        this.tieOrder = List.copyOf(tieOrder);
    }

    static RuleClassifier builtIn() {
        return new RuleClassifier(BuiltInRules.RULES, BuiltInRules.OVERRIDES, BuiltInRules.TIE_ORDER);
    }

    /** What the rules make of the alert; {@code unclassified} (with what was looked at) when nothing decides. */
    Classification classify(Alert alert, WorkflowContext workflow) {
        TypeScores scores = score(alert, workflow);
        Optional<FailureType> leader = scores.leader().filter(type -> scores.score(type) >= MIN_SCORE);
        if (leader.isEmpty()) {
            return new Classification(FailureType.UNCLASSIFIED, NoMatch.describe(alert, scores.all()), 0.0,
                    scores.bestOtherThan(FailureType.UNCLASSIFIED, MIN_RUNNER_UP), 1.0);
        }
        FailureType winner = leader.get();
        Optional<FailureType> runnerUp = scores.bestOtherThan(winner, MIN_RUNNER_UP);
        double lead = runnerUp.map(type -> 1.0 - scores.score(type) / scores.score(winner)).orElse(1.0);
        if (winner == FailureType.UNCLASSIFIED) {
            return new Classification(FailureType.UNCLASSIFIED, "infrastructure alert; no AI signal ("
                    + scores.hits(winner).get(0).evidence() + ")", 0.0, runnerUp, lead);
        }
        for (CauseOverride override : overrides) {
            Optional<Classification> overridden = apply(override, winner, scores);
            if (overridden.isPresent()) {
                return overridden.get();
            }
        }
        Hit best = scores.hits(winner).get(0);
        double confidence = best.signal().where().confidence() * (0.5 + 0.5 * Math.min(1.0, lead / 0.5));
        return new Classification(winner, best.evidence() + supporting(scores.hits(winner)),
                round(confidence), runnerUp, lead);
    }

    private TypeScores score(Alert alert, WorkflowContext workflow) {
        Identity identity = Identity.of(alert.labels(), alert.workflow(), workflow, AlertSignals.texts(alert));
        List<Signal> signals = AlertSignals.of(alert, identity);
        String context = AlertSignals.context(alert);
        List<Hit> found = new ArrayList<>();
        Set<FailureType> ruledOut = EnumSet.noneOf(FailureType.class);
        Set<String> calledBy = Set.copyOf(KnownLimits.stems(workflow.calledBy()));
        for (SignalRule rule : rules) {
            for (Signal signal : signals) {
                Hit hit = rule.match(signal, context);
                if (hit == null || onlyOwnWords(hit.matched(), calledBy)) {
                    continue;
                }
                if (hit.ruledOut() && !ABSENCE_CLEARS_NOTHING.contains(rule.name())) {
                    ruledOut.add(rule.type());
                }
                if (hit.factor() > 0) {
                    found.add(hit);
                }
            }
        }
        Set<String> ownWords = new java.util.HashSet<>(KnownLimits.stems(workflow.ownWords()));
        for (Signal signal : signals) {
            found.addAll(Lexicon.hits(signal, ownWords));
        }
        Map<FailureType, List<Hit>> byType = new EnumMap<>(FailureType.class);
        found.forEach(hit -> byType.computeIfAbsent(hit.rule().type(), type -> new ArrayList<>()).add(hit));
        // what the runbook says of its own workflow: its known limits, its tools, its quality signals
        Hit limit = KnownLimits.match(workflow, signals, zeroTolerance(alert));
        Hit tool = RunbookTools.match(workflow, signals);
        if (limit != null && tool != null && limitNames(workflow, limit, tool.matched())) {
            tool = null; // "no order is placed unless age_verify has passed": the limit says what a failing check means
        }
        for (Hit fromRunbook : new Hit[] {limit, tool, QualitySignals.match(workflow, signals)}) {
            if (fromRunbook != null) {
                byType.computeIfAbsent(fromRunbook.rule().type(), type -> new ArrayList<>()).add(fromRunbook);
            }
        }
        byType.values().forEach(list -> list.sort(Comparator.comparingDouble(Hit::score).reversed()));
        return new TypeScores(byType, ruledOut, tieOrder);
    }

    /**
     * The alert fires on a single occurrence: a threshold of 0 ({@code triggered_threshold}, {@code threshold}) and a
     * value above it.
     */
    private static boolean zeroTolerance(Alert alert) {
        boolean zero = false;
        boolean above = false;
        for (Map.Entry<String, String> value : alert.values().entrySet()) {
            String number = value.getValue().strip();
            if (value.getKey().toLowerCase(java.util.Locale.ROOT).contains("threshold")) {
                zero |= number.matches("0+(?:\\.0+)?");
            } else {
                above |= number.matches("\\d*[1-9]\\d*(?:\\.\\d+)?|\\d+\\.\\d*[1-9]\\d*");
            }
        }
        return zero && above;
    }

    /** The known limit the alert matched names the tool: it says what that tool failing means for the product. */
    private static boolean limitNames(WorkflowContext workflow, Hit limit, String tool) {
        java.util.regex.Pattern name = Words.identifier(tool);
        return workflow.knownLimits().stream()
                .filter(text -> limit.matched().contains(Words.shorten(text, KnownLimits.QUOTED)))
                .anyMatch(text -> name.matcher(text.toLowerCase(java.util.Locale.ROOT)).find());
    }

    private Optional<Classification> apply(CauseOverride override, FailureType leader, TypeScores scores) {
        if (leader != override.symptom()
                || scores.hits(leader).stream().anyMatch(hit -> override.symptomOf().contains(hit.rule().name()))) {
            return Optional.empty();
        }
        return scores.hits(override.cause()).stream()
                .filter(hit -> override.causeRules().contains(hit.rule().name()))
                .filter(hit -> hit.score() >= override.minScore())
                .findFirst()
                .map(cause -> new Classification(override.cause(),
                        scores.hits(leader).get(0).evidence() + ", but " + cause.evidence() + " (" + override.reason() + ")",
                        OVERRIDE_CONFIDENCE, Optional.of(leader), OVERRIDE_LEAD));
    }

    /**
     * A match made only of the words the workflow is called by (its id and title) is its name, not evidence: "Grader
     * rewrote student essays" for an essay grader names the product, no grader's score.
     */
    private static boolean onlyOwnWords(String matched, Set<String> calledBy) {
        if (calledBy.isEmpty()) {
            return false;
        }
        for (String word : Words.normalize(matched).split(" ")) {
            if (!calledBy.contains(KnownLimits.stem(word))) {
                return false;
            }
        }
        return true;
    }

    /** The next strongest hit of the winning type from another signal, if any: "; label `error_type=503` …". */
    private static String supporting(List<Hit> hits) {
        Hit best = hits.get(0);
        return hits.stream().skip(1)
                .filter(hit -> !hit.signal().equals(best.signal()))
                .findFirst()
                .map(hit -> "; " + hit.evidence())
                .orElse("");
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
