package dev.threeam.signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was left out of one export and why, for {@code partial_success}: a count per reason and a few examples,
 * so the sender's log says "2 unknown metric (http.server.request.duration)".
 */
final class Drops {

    enum Reason {
        UNKNOWN_METRIC("unknown metric"),
        NOT_WATCHED("no runbook threshold reads it"),
        NO_WORKFLOW("no workflow"),
        NO_PRICE("no price for the model"),
        WRONG_TYPE("unexpected metric type"),
        NOT_AN_EVALUATION("not a gen_ai.evaluation.result event"),
        BAD_VALUE("unreadable value"),
        SERIES_CAP("over the series cap");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final int EXAMPLES = 3;

    private final Map<Reason, Long> counts = new LinkedHashMap<>();
    private final Map<Reason, Set<String>> examples = new LinkedHashMap<>();

    void add(Reason reason, String example) {
        add(reason, example, 1);
    }

    void add(Reason reason, String example, long count) {
        if (count <= 0) {
            return;
        }
        counts.merge(reason, count, Long::sum);
        Set<String> seen = examples.computeIfAbsent(reason, r -> new LinkedHashSet<>());
        if (seen.size() < EXAMPLES && example != null) {
            seen.add(example);
        }
    }

    void addAll(Drops other) {
        other.counts.forEach((reason, count) -> {
            counts.merge(reason, count, Long::sum);
            Set<String> seen = examples.computeIfAbsent(reason, r -> new LinkedHashSet<>());
            for (String example : other.examples.getOrDefault(reason, Set.of())) {
                if (seen.size() < EXAMPLES) {
                    seen.add(example);
                }
            }
        });
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    Map<Reason, Long> counts() {
        return Map.copyOf(counts);
    }

    /** {@code 2 unknown metric (http.server.request.duration); 1 no workflow (service.name=payments-api)}. */
    String message() {
        List<String> parts = new ArrayList<>();
        counts.forEach((reason, count) -> {
            Set<String> seen = examples.getOrDefault(reason, Set.of());
            parts.add(count + " " + reason.words + (seen.isEmpty() ? "" : " (" + String.join(", ", seen) + ")"));
        });
        return String.join("; ", parts);
    }
}
