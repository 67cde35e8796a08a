package dev.threeam.classify;

import dev.threeam.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an alert into the signals rules match, in order of weight: its name (alertname, LangSmith rule name, or
 * the title of sources without one), the metrics it is built on, the labels that describe what failed, and the
 * text engineers wrote. Labels that only say who or where ({@code service}, {@code pod}, {@code env}) are context,
 * not signals.
 */
final class AlertSignals {

    private static final List<String> NAME_LABELS = List.of("alertname", "alert_rule_name");
    private static final List<String> METRIC_LABELS = List.of("metric", "__name__", "alert_rule_attribute");
    private static final Set<String> NOT_SIGNALS = Set.of(
            "alertname", "alert_rule_name", "metric", "__name__", "alert_rule_attribute", "ai_failure_type",
            "failure_type", "severity", "priority", "service", "app", "job", "workflow", "instance", "pod",
            "namespace", "container", "host", "hostname", "env", "environment", "team", "owner", "ml_app",
            "project_name", "project", "region", "zone", "cluster", "node", "deployment", "receiver",
            "alert_rule_type", "gen_ai_request_model", "gen_ai_response_model", "model", "language", "version",
            "prompt_version", "device", "le", "slo", "window");
    /** Grafana refIds ({@code A}, {@code B}) and generic value names say nothing; longer names may be metrics. */
    private static final Set<String> PLAIN_VALUE_NAMES =
            Set.of("value", "threshold", "triggered_metric_value", "triggered_threshold");

    private AlertSignals() {}

    static List<Signal> of(Alert alert) {
        List<Signal> signals = new ArrayList<>();
        addNames(alert, signals);
        addMetrics(alert, signals);
        alert.labels().forEach((key, value) -> {
            if (!NOT_SIGNALS.contains(key)) {
                signals.add(Signal.of(Where.LABEL, "label", value.isEmpty() ? key : key + "=" + value));
            }
        });
        proseAnnotations(alert).forEach((key, value) -> signals.add(Signal.of(Where.TEXT, key, value)));
        return signals;
    }

    /**
     * Everything the alert says, identity labels included, in normalized form: what gated rules check for
     * context (is this an AI system at all, is a model provider named).
     */
    static String context(Alert alert) {
        StringBuilder context = new StringBuilder(Words.normalize(alert.title()));
        alert.labels().forEach((key, value) -> context.append(' ').append(Words.normalize(key + " " + value)));
        alert.annotations().values().forEach(value -> context.append(' ').append(Words.normalize(value)));
        MetricNames.inGeneratorUrl(alert.url())
                .forEach(name -> context.append(' ').append(Words.normalize(name)));
        return context.toString();
    }

    private static void addNames(Alert alert, List<Signal> signals) {
        boolean named = false;
        for (String key : NAME_LABELS) {
            String value = alert.labels().get(key);
            if (value != null && !value.isBlank()) {
                signals.add(Signal.of(Where.NAME, key, value));
                named = true;
            }
        }
        if (!named) {
            signals.add(Signal.of(Where.NAME, "title", alert.title()));
        }
    }

    private static void addMetrics(Alert alert, List<Signal> signals) {
        for (String key : METRIC_LABELS) {
            String value = alert.labels().get(key);
            if (value != null && !value.isBlank()) {
                signals.add(Signal.of(Where.METRIC, key.equals("metric") ? "metric" : key, value));
            }
        }
        MetricNames.inGeneratorUrl(alert.url())
                .forEach(name -> signals.add(Signal.of(Where.METRIC, "metric in generatorURL", name)));
        proseAnnotations(alert).forEach((key, value) -> MetricNames.inText(value)
                .forEach(name -> signals.add(Signal.of(Where.METRIC, "metric in " + key, name))));
        alert.values().keySet().stream()
                .filter(name -> name.length() > 2 && !PLAIN_VALUE_NAMES.contains(name))
                .forEach(name -> signals.add(Signal.of(Where.METRIC, "value", name)));
    }

    /** Annotations people wrote, without links: summary first, then description, then the rest by name. */
    private static Map<String, String> proseAnnotations(Alert alert) {
        Map<String, String> prose = new java.util.LinkedHashMap<>();
        alert.annotations().entrySet().stream()
                .filter(entry -> !entry.getKey().toLowerCase(java.util.Locale.ROOT).endsWith("url"))
                .filter(entry -> !entry.getValue().startsWith("http"))
                .sorted(Map.Entry.comparingByKey(java.util.Comparator
                        .comparing((String key) -> !key.equals("summary"))
                        .thenComparing(key -> !key.equals("description"))
                        .thenComparing(key -> key)))
                .forEach(entry -> prose.put(entry.getKey(), entry.getValue()));
        return prose;
    }
}
