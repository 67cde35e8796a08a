package dev.threeam.change;

import static dev.threeam.change.ChangeKind.DATA_SOURCE;
import static dev.threeam.change.ChangeKind.DEPLOY;
import static dev.threeam.change.ChangeKind.MODEL_ROUTE;
import static dev.threeam.change.ChangeKind.PROMPT;
import static dev.threeam.change.ChangeKind.RETRIEVAL_INDEX;
import static dev.threeam.change.ChangeKind.TOOL_SCHEMA;

import dev.threeam.classify.FailureType;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Orders recent changes by how likely they caused a failure of a given type: first the kinds that usually cause
 * it (a retrieval failure suspects {@code retrieval_index}, then {@code data_source}), then the newest.
 */
public final class ChangeRanker {

    private static final Map<FailureType, List<ChangeKind>> SUSPECTS = new EnumMap<>(Map.of(
            FailureType.RETRIEVAL_FAILURE, List.of(RETRIEVAL_INDEX, DATA_SOURCE),
            FailureType.POLICY_FAILURE, List.of(PROMPT, MODEL_ROUTE),
            FailureType.COST_FAILURE, List.of(MODEL_ROUTE, PROMPT),
            FailureType.TOOL_FAILURE, List.of(TOOL_SCHEMA, DEPLOY),
            FailureType.QUALITY_DRIFT, List.of(PROMPT, MODEL_ROUTE, RETRIEVAL_INDEX),
            FailureType.LATENCY_FAILURE, List.of(MODEL_ROUTE, DEPLOY),
            FailureType.PROVIDER_OUTAGE, List.of(MODEL_ROUTE, DEPLOY)));

    /** The kinds suspected first for {@code type}, most suspect first; empty for {@code unclassified}. */
    public static List<ChangeKind> suspects(FailureType type) {
        return SUSPECTS.getOrDefault(type, List.of());
    }

    /** The {@code limit} most suspect of {@code changes} for a failure of {@code type}, seen at {@code now}. */
    public List<RankedChange> rank(List<ChangeEvent> changes, FailureType type, Instant now, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        List<ChangeKind> suspects = suspects(type);
        Comparator<ChangeEvent> order = Comparator
                .comparingInt((ChangeEvent change) -> relevance(suspects, change.kind()))
                .thenComparing(ChangeEvent::at, Comparator.reverseOrder())
                .thenComparing(change -> change.id() == null ? Long.MIN_VALUE : change.id(), Comparator.reverseOrder());
        return changes.stream()
                .sorted(order)
                .limit(limit)
                .map(change -> new RankedChange(change, reason(suspects, change, type, now)))
                .toList();
    }

    private static int relevance(List<ChangeKind> suspects, ChangeKind kind) {
        int index = suspects.indexOf(kind);
        return index < 0 ? suspects.size() : index;
    }

    private static String reason(List<ChangeKind> suspects, ChangeEvent change, FailureType type, Instant now) {
        String age = age(change.at(), now);
        if (type == FailureType.UNCLASSIFIED) {
            return "newest first while the failure type is unknown; " + age;
        }
        String failures = plural(type);
        int index = suspects.indexOf(change.kind());
        String kind = change.kind().id();
        if (index == 0) {
            return kind + " changes come first for " + failures + "; " + age;
        }
        if (index > 0) {
            return kind + " changes come next for " + failures + ", after " + suspects.get(index - 1).id() + "; " + age;
        }
        return kind + " changes rarely cause " + failures + ", listed by recency; " + age;
    }

    private static String plural(FailureType type) {
        String title = type.title().toLowerCase(Locale.ROOT);
        return type == FailureType.QUALITY_DRIFT ? title : title + "s";
    }

    /** "12 min before now", "3 h 5 min before now", "2 min after now" (a sender's clock ahead). */
    static String age(Instant at, Instant now) {
        Duration between = Duration.between(at, now);
        String side = between.isNegative() ? " after now" : " before now";
        Duration length = between.abs();
        long hours = length.toHours();
        long minutes = length.toMinutesPart();
        if (hours == 0) {
            return minutes + " min" + side;
        }
        return hours + " h " + minutes + " min" + side;
    }
}
