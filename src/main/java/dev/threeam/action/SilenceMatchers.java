package dev.threeam.action;

import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentAlert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The matchers of an incident's silence: its Alertmanager group labels, read from the {@code groupKey} the incident
 * is keyed on ({@code {}:{alertname="RagRecallLow", workflow="support-chat"}}: the route, then the group's labels);
 * when the group has none ({@code group_by} empty), the labels every one of its alerts shares.
 */
final class SilenceMatchers {

    private static final String PREFIX = "alertmanager:";
    private static final String GROUP = PREFIX + "group:";

    private SilenceMatchers() {}

    /** Whether the incident's alerts came from Alertmanager. */
    static boolean fromAlertmanager(Incident incident) {
        return incident.key() != null && incident.key().startsWith(PREFIX);
    }

    static List<SilenceMatcher> of(Incident incident, List<IncidentAlert> alerts) {
        Map<String, String> labels = groupLabels(incident).orElseGet(() -> shared(alerts));
        List<SilenceMatcher> matchers = new ArrayList<>();
        labels.forEach((name, value) -> matchers.add(new SilenceMatcher(name, value)));
        return matchers;
    }

    private static Optional<Map<String, String>> groupLabels(Incident incident) {
        String key = incident.key();
        if (!key.startsWith(GROUP)) {
            return Optional.empty();
        }
        String groupKey = key.substring(GROUP.length(), key.lastIndexOf('|') > GROUP.length() ? key.lastIndexOf('|') : key.length());
        int open = groupKey.lastIndexOf(":{");
        if (open < 0 || !groupKey.endsWith("}")) {
            return Optional.empty();
        }
        Map<String, String> labels = parse(groupKey.substring(open + 2, groupKey.length() - 1));
        return labels.isEmpty() ? Optional.empty() : Optional.of(labels);
    }

    /** {@code a="b", c="d \"e\""} as Go's {@code LabelSet.String} writes it; empty when it does not read so. */
    static Map<String, String> parse(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        int at = 0;
        while (at < text.length()) {
            int equals = text.indexOf("=\"", at);
            if (equals < 0) {
                return Map.of();
            }
            String name = text.substring(at, equals).strip();
            StringBuilder value = new StringBuilder();
            int index = equals + 2;
            for (; index < text.length() && text.charAt(index) != '"'; index++) {
                char c = text.charAt(index);
                if (c == '\\' && index + 1 < text.length()) {
                    char escaped = text.charAt(++index);
                    value.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
                } else {
                    value.append(c);
                }
            }
            if (index >= text.length() || name.isEmpty()) {
                return Map.of();
            }
            labels.put(name, value.toString());
            at = index + 1;
            while (at < text.length() && (text.charAt(at) == ',' || text.charAt(at) == ' ')) {
                at++;
            }
        }
        return labels;
    }

    /** The labels (name and value) every Alertmanager alert of the incident carries. */
    private static Map<String, String> shared(List<IncidentAlert> alerts) {
        Map<String, String> shared = null;
        for (IncidentAlert alert : alerts) {
            if (!"alertmanager".equals(alert.source())) {
                continue;
            }
            if (shared == null) {
                shared = new LinkedHashMap<>(alert.labels());
            } else {
                shared.entrySet().removeIf(label -> !label.getValue().equals(alert.labels().get(label.getKey())));
            }
        }
        return shared == null ? Map.of() : shared;
    }
}
