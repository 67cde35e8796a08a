package dev.threeam.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The score of each type: the best hit of each signal (name, metric, label, sentence), strongest first, each
 * counting {@value #DECAY} of the one before: one strong sign decides, more places saying the same add confidence
 * without drowning a stronger single sign, and two rules reading the same words count once. When the alert reads
 * as infrastructure ({@code unclassified} scores at least {@value #INFRASTRUCTURE_SHOWN}), hits that only name an
 * AI component count half: "the retriever pod is crash looping" is about a pod. A type the prose rules out
 * ("retrieval is healthy") counts half too.
 */
final class TypeScores {

    static final double DECAY = 0.35;
    static final double INFRASTRUCTURE_SHOWN = 0.5;
    static final double NAMING_DISCOUNT = 0.5;
    /** Words that only name a component count this much even without infrastructure: a failure said outright wins. */
    static final double NAMING_WEIGHT = 0.8;
    static final double RULED_OUT_DISCOUNT = 0.5;

    private final Map<FailureType, List<Hit>> hits;
    private final Map<FailureType, Double> scores = new EnumMap<>(FailureType.class);
    private final List<FailureType> ranking;

    TypeScores(Map<FailureType, List<Hit>> hits, Set<FailureType> ruledOut, List<FailureType> tieOrder) {
        this.hits = hits;
        boolean infrastructure = raw(hits.get(FailureType.UNCLASSIFIED), false) >= INFRASTRUCTURE_SHOWN;
        hits.forEach((type, list) -> scores.put(type, raw(list, infrastructure && type != FailureType.UNCLASSIFIED)
                * (ruledOut.contains(type) ? RULED_OUT_DISCOUNT : 1.0)));
        List<FailureType> ranked = new ArrayList<>(scores.keySet());
        ranked.sort(Comparator.comparingDouble((FailureType type) -> -scores.get(type))
                .thenComparing(type -> hits.get(type).stream().allMatch(hit -> hit.rule().component()))
                .thenComparingInt(type -> rank(tieOrder, type)));
        this.ranking = List.copyOf(ranked);
    }

    double score(FailureType type) {
        return scores.getOrDefault(type, 0.0);
    }

    /** The hits of a type, strongest first; empty when none. */
    List<Hit> hits(FailureType type) {
        return hits.getOrDefault(type, List.of());
    }

    /** The best type, infrastructure included; empty when nothing hit. */
    Optional<FailureType> leader() {
        return ranking.stream().findFirst();
    }

    /** The best AI failure type other than {@code excluded}, if any scored at least {@code min}. */
    Optional<FailureType> bestOtherThan(FailureType excluded, double min) {
        return ranking.stream()
                .filter(type -> type != excluded && type != FailureType.UNCLASSIFIED)
                .filter(type -> score(type) >= min)
                .findFirst();
    }

    /** Every hit, for the evidence of an unclassified alert. */
    List<Hit> all() {
        return hits.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparingDouble(Hit::score).reversed()).toList();
    }

    private static double raw(List<Hit> list, boolean discountNaming) {
        if (list == null) {
            return 0.0;
        }
        double total = 0.0;
        double share = 1.0;
        Map<Signal, Double> bySignal = new IdentityHashMap<>();
        for (Hit hit : list) {
            double score = hit.score() * (!hit.rule().component() ? 1.0 : discountNaming ? NAMING_DISCOUNT : NAMING_WEIGHT);
            bySignal.merge(hit.signal(), score, Math::max);
        }
        List<Double> counted = new ArrayList<>(bySignal.values());
        counted.sort(Comparator.reverseOrder());
        for (double score : counted) {
            total += score * share;
            share *= DECAY;
        }
        return total;
    }

    private static int rank(List<FailureType> tieOrder, FailureType type) {
        int rank = tieOrder.indexOf(type);
        return rank < 0 ? tieOrder.size() : rank;
    }
}
