package dev.threeam.classify;

import dev.threeam.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workflow's runbook rules ({@code classify:}), tried in order before the built-in ones. A rule matches when
 * every pattern finds a match: in the label of that name, in {@code text} (title and annotations), and for
 * {@code alertname} in the title of sources that have no alertname label.
 */
final class WorkflowRules {

    static final double CONFIDENCE = 0.95;

    private WorkflowRules() {}

    static Optional<Classification> match(Alert alert, List<ClassifyRule> rules) {
        for (int index = 0; index < rules.size(); index++) {
            ClassifyRule rule = rules.get(index);
            Optional<String> matched = matchAll(alert, rule.match());
            if (matched.isPresent()) {
                return Optional.of(new Classification(rule.failureType(),
                        "runbook rule " + (index + 1) + " (" + rule.failureType().id() + "): " + matched.get(),
                        CONFIDENCE));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> matchAll(Alert alert, Map<String, Pattern> match) {
        if (match.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Pattern> entry : new TreeMap<>(match).entrySet()) {
            String value = valueFor(alert, entry.getKey());
            if (value == null) {
                return Optional.empty();
            }
            Matcher matcher = entry.getValue().matcher(value);
            if (!matcher.find()) {
                return Optional.empty();
            }
            parts.add(entry.getKey() + " `" + Words.shorten(matcher.group(), 60) + "` matched `"
                    + entry.getValue().pattern() + "`");
        }
        return Optional.of(String.join(", ", parts));
    }

    private static String valueFor(Alert alert, String key) {
        if (key.equals("text")) {
            return alert.text();
        }
        if (key.equals("alertname") && !alert.labels().containsKey("alertname")) {
            return alert.title();
        }
        return alert.labels().get(key);
    }
}
