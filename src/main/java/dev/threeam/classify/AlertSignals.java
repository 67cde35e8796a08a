package dev.threeam.classify;

import dev.threeam.alert.Alert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an alert the way an on-call does, into the signals rules match, in order of weight: its name (alertname,
 * LangSmith rule name, or the title of sources without one), the metrics it is built on, the labels that say what
 * failed ({@code error_type}, {@code gen_ai.*} attributes), and the prose engineers wrote. Labels that only name
 * something (service, pod, tool, model route, project…, see {@link Identity}) are not signals, and their values
 * are blotted out of titles and prose; a tool or provider label still says that a tool or a provider is involved.
 */
final class AlertSignals {

    private static final List<String> NAME_LABELS = List.of("alertname", "alert_rule_name");
    private static final List<String> METRIC_LABELS = List.of("metric", "__name__", "alert_rule_attribute");
    private static final Set<String> SKIPPED = Set.of("alertname", "alert_rule_name", "metric", "__name__",
            "alert_rule_attribute", "ai_failure_type", "failure_type", "severity", "priority", "alert_rule_type",
            "status", "state");
    /** Name labels whose key alone says what is involved: a tool, a function, a model provider. */
    private static final Set<String> INVOLVEMENT_KEYS = Set.of("gen_ai_tool_name", "gen_ai.tool.name", "tool",
            "tool_name", "function_name", "mcp_server", "gen_ai_provider_name", "gen_ai.provider.name", "gen_ai_system",
            "gen_ai.system", "provider", "llm_provider", "model_provider", "upstream_provider");
    private static final Set<String> PROVIDER_KEYS = Set.of("gen_ai_provider_name", "gen_ai.provider.name",
            "gen_ai_system", "gen_ai.system", "provider", "llm_provider", "model_provider", "upstream_provider");
    /** Grafana refIds ({@code A}, {@code B}) and generic value names say nothing; longer names may be metrics. */
    private static final Set<String> PLAIN_VALUE_NAMES =
            Set.of("value", "threshold", "triggered_metric_value", "triggered_threshold");
    /** Annotations that hold no prose worth reading: links, values, names. */
    private static final Set<String> NOT_PROSE = Set.of("value_string", "runbook", "dashboard", "grafana_state_reason");
    /**
     * LangSmith's attribute for every evaluator and every user-feedback key: it says a score moved, not which one; the
     * rule's name (the feedback key, the evaluator) says what failed, so it counts only as much as prose.
     */
    private static final String ANY_FEEDBACK = "feedback_score";
    /**
     * LangSmith's attribute for one feedback key ({@code feedback.paraphrase_fidelity}): the key names what was
     * scored, as the rule's name does, so it reads like a metric; the word "feedback" only says it is a feedback key
     * and is left out ("feedback.rate_limit_hits" is no feedback rate).
     */
    private static final String ONE_FEEDBACK_KEY = "feedback.";
    /** Links inside prose (a monitor's status page, a dashboard): their paths and query strings are not what failed. */
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("<?https?://[^\\s>|)]*(?:\\|[^>]*>)?");

    private AlertSignals() {}

    static List<Signal> of(Alert alert, Identity identity) {
        List<Signal> signals = new ArrayList<>();
        addNames(alert, identity, signals);
        List<Signal> metrics = new ArrayList<>();
        addMetrics(alert, metrics);
        Set<String> seen = new java.util.HashSet<>();
        metrics.stream().filter(metric -> seen.add(metric.normalized())).forEach(signals::add);
        alert.labels().forEach((key, value) -> addLabel(key, value, signals));
        proseAnnotations(alert).forEach((key, value) ->
                signals.add(Signal.prose(Where.TEXT, key, value, identity.blotProse(value))));
        return signals;
    }

    /** The texts in which an alert may introduce names of its own ({@link DeclaredNames}): its names, title and prose. */
    static List<String> texts(Alert alert) {
        List<String> texts = new ArrayList<>();
        NAME_LABELS.forEach(key -> texts.add(alert.labels().get(key)));
        texts.add(alert.title());
        texts.addAll(proseAnnotations(alert).values());
        texts.removeIf(java.util.Objects::isNull);
        return texts;
    }

    /**
     * Everything the alert says, names included, in normalized form: what gated rules check for context (is this
     * an AI system at all, is a model provider named).
     */
    static String context(Alert alert) {
        StringBuilder context = new StringBuilder(Words.normalize(alert.title()));
        alert.labels().forEach((key, value) -> context.append(' ').append(Words.normalize(key + " " + value)));
        alert.annotations().values().forEach(value -> context.append(' ').append(Words.normalize(value)));
        MetricNames.inGeneratorUrl(alert.url())
                .forEach(name -> context.append(' ').append(Words.normalize(name)));
        return context.toString();
    }

    private static void addNames(Alert alert, Identity identity, List<Signal> signals) {
        boolean named = false;
        for (String key : NAME_LABELS) {
            String value = alert.labels().get(key);
            if (value != null && !value.isBlank()) {
                signals.add(new Signal(Where.NAME, key, value, identity.blotName(value), null));
                named = true;
            }
        }
        if (!named) {
            signals.add(Signal.prose(Where.NAME, "title", alert.title(), identity.blotProse(alert.title())));
        }
    }

    private static void addMetrics(Alert alert, List<Signal> signals) {
        for (String key : METRIC_LABELS) {
            String value = alert.labels().get(key);
            if (value != null && !value.isBlank()) {
                boolean attribute = key.equals("alert_rule_attribute");
                Where where = attribute && value.equals(ANY_FEEDBACK) ? Where.TEXT : Where.METRIC;
                String read = attribute && value.startsWith(ONE_FEEDBACK_KEY) && value.length() > ONE_FEEDBACK_KEY.length()
                        ? value.substring(ONE_FEEDBACK_KEY.length()) : value;
                signals.add(new Signal(where, key.equals("metric") ? "metric" : key, value, Words.normalize(read), null));
            }
        }
        alert.labels().forEach((key, value) -> {
            if (Identity.MEASURE_KEYS.contains(key.toLowerCase(Locale.ROOT)) && !value.isBlank()) {
                signals.add(Signal.of(Where.METRIC, key, value));
            }
        });
        MetricNames.inGeneratorUrl(alert.url())
                .forEach(name -> signals.add(Signal.of(Where.METRIC, "metric in generatorURL", name)));
        proseAnnotations(alert).forEach((key, value) -> MetricNames.inText(value)
                .forEach(name -> signals.add(Signal.of(Where.METRIC, "metric in " + key, name))));
        alert.values().keySet().stream()
                .filter(name -> name.length() > 2 && !PLAIN_VALUE_NAMES.contains(name))
                .forEach(name -> signals.add(Signal.of(Where.METRIC, "value", name)));
    }

    private static void addLabel(String key, String value, List<Signal> signals) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (SKIPPED.contains(lower) || Identity.MEASURE_KEYS.contains(lower) || value.isEmpty()) {
            return; // a bare Datadog tag names a thing, like a team tag
        }
        if (PROVIDER_KEYS.contains(lower)) {
            signals.add(Signal.of(Where.LABEL, "label", key + "=" + value));
        } else if (INVOLVEMENT_KEYS.contains(lower)) {
            signals.add(new Signal(Where.LABEL, "label", key + "=" + value, Words.normalize(key), null));
        } else if (!Identity.isNameKey(key)) {
            signals.add(Signal.of(Where.LABEL, "label", key + "=" + value));
        }
    }

    /** Annotations people wrote, without links or names: summary first, then description, then the rest by name. */
    static Map<String, String> proseAnnotations(Alert alert) {
        Map<String, String> prose = new LinkedHashMap<>();
        alert.annotations().entrySet().stream()
                .filter(entry -> !NOT_PROSE.contains(entry.getKey().toLowerCase(Locale.ROOT)))
                .filter(entry -> !Identity.isNameKey(entry.getKey()) || entry.getKey().equalsIgnoreCase("alert_name"))
                .filter(entry -> !entry.getValue().startsWith("http"))
                .sorted(Map.Entry.comparingByKey(Comparator
                        .comparing((String key) -> !key.equals("summary"))
                        .thenComparing(key -> !key.equals("description"))
                        .thenComparing(key -> key)))
                .forEach(entry -> prose.put(entry.getKey(), withoutLinks(entry.getValue())));
        return prose;
    }

    /** The prose with its links blanked out (Slack's {@code <url|label>} keeps its label). */
    static String withoutLinks(String prose) {
        return LINK.matcher(prose).replaceAll(match -> {
            String link = match.group();
            int bar = link.indexOf('|');
            return bar >= 0 && link.endsWith(">") ? java.util.regex.Matcher.quoteReplacement(link.substring(bar + 1, link.length() - 1)) : " ";
        });
    }
}
