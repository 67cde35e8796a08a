package dev.threeam.classify;

import dev.threeam.alert.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the built-in rules: every rule is matched against every signal and keeps its strongest hit; the type
 * with the strongest single hit wins (ties go by {@code tieOrder}); then the overrides let a named cause replace
 * the symptom it explains. Below {@code minScore} nothing is decided.
 */
final class RuleClassifier {

    static final double MIN_SCORE = 0.4;
    private static final double OVERRIDE_CONFIDENCE = 0.7;

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

    /** The classification the rules support, or empty when no type reaches {@link #MIN_SCORE}. */
    Optional<Classification> classify(Alert alert) {
        Map<FailureType, List<Hit>> hits = hitsByType(alert);
        Optional<FailureType> leader = hits.keySet().stream()
                .filter(type -> top(hits, type).score() >= MIN_SCORE)
                .max(Comparator.comparingDouble((FailureType type) -> top(hits, type).score())
                        .thenComparing(type -> -tieRank(type)));
        if (leader.isEmpty()) {
            return Optional.empty();
        }
        for (CauseOverride override : overrides) {
            Optional<Classification> overridden = apply(override, leader.get(), hits);
            if (overridden.isPresent()) {
                return overridden;
            }
        }
        Hit best = top(hits, leader.get());
        String evidence = best.evidence() + supporting(hits.get(leader.get()));
        return Optional.of(new Classification(leader.get(), evidence, best.signal().where().confidence()));
    }

    /** Hits too weak to decide anything, for the evidence of an unclassified alert. */
    List<Hit> weakHits(Alert alert) {
        return hitsByType(alert).values().stream().flatMap(List::stream).toList();
    }

    private Map<FailureType, List<Hit>> hitsByType(Alert alert) {
        List<Signal> signals = AlertSignals.of(alert);
        String context = AlertSignals.context(alert);
        Map<SignalRule, Hit> strongest = new LinkedHashMap<>();
        for (SignalRule rule : rules) {
            for (Signal signal : signals) {
                Hit hit = rule.match(signal, context);
                if (hit != null && (!strongest.containsKey(rule) || hit.score() > strongest.get(rule).score())) {
                    strongest.put(rule, hit);
                }
            }
        }
        Map<FailureType, List<Hit>> byType = new EnumMap<>(FailureType.class);
        strongest.values().forEach(hit -> byType.computeIfAbsent(hit.rule().type(), type -> new ArrayList<>()).add(hit));
        byType.values().forEach(list -> list.sort(Comparator.comparingDouble(Hit::score).reversed()));
        return byType;
    }

    private Optional<Classification> apply(CauseOverride override, FailureType leader, Map<FailureType, List<Hit>> hits) {
        if (leader != override.symptom() || !hits.containsKey(override.cause())) {
            return Optional.empty();
        }
        return hits.get(override.cause()).stream()
                .filter(hit -> override.causeRules().contains(hit.rule().name()))
                .filter(hit -> hit.score() >= override.minScore())
                .findFirst()
                .map(cause -> new Classification(override.cause(),
                        top(hits, leader).evidence() + ", but " + cause.evidence() + " (" + override.reason() + ")",
                        OVERRIDE_CONFIDENCE));
    }

    private static Hit top(Map<FailureType, List<Hit>> hits, FailureType type) {
        return hits.get(type).get(0);
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

    private int tieRank(FailureType type) {
        int rank = tieOrder.indexOf(type);
        return rank < 0 ? tieOrder.size() : rank;
    }
}
