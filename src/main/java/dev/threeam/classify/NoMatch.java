package dev.threeam.classify;

import dev.threeam.alert.Alert;
import java.util.List;
import java.util.stream.Collectors;

/** The evidence of an unclassified alert: what was looked at, so a human sees why nothing matched. */
final class NoMatch {

    private NoMatch() {}

    static String describe(Alert alert, List<Hit> weakHits) {
        StringBuilder text = new StringBuilder("no rule matched");
        String alertname = alert.labels().get("alertname");
        if (alertname != null) {
            text.append(" alertname ").append(Words.shorten(alertname, 80)).append(',');
        }
        String labels = alert.labels().keySet().stream().sorted().limit(12).collect(Collectors.joining(", "));
        text.append(" labels ").append(labels.isEmpty() ? "(none)" : labels);
        text.append(", title ").append(Words.shorten(alert.title(), 100));
        if (!weakHits.isEmpty()) {
            text.append(" (too weak to decide: ").append(weakHits.get(0).evidence()).append(')');
        }
        return text.toString();
    }
}
