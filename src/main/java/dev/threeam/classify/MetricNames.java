package dev.threeam.classify;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the metric names an alert is built on where no label names them: in the PromQL expression of a
 * Prometheus {@code generatorURL} ({@code ?g0.expr=sum(rate(rag_retrieval_empty_total{…}[5m]))}) and in prose
 * ({@code p99:trace.langchain.request.duration{service:x} is 41s}).
 */
final class MetricNames {

    private static final Pattern EXPR_PARAM = Pattern.compile("[?&]g\\d+\\.expr=([^&]*)");
    /** Label matchers and grouping clauses name labels, not metrics: {@code {tool="x"}}, {@code by (le, model)}. */
    private static final Pattern LABEL_MATCHERS = Pattern.compile(
            "\\{[^}]*}|\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern PROMQL_IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    /** snake_case or dotted names with at least two separators: {@code citation_miss_rate}, {@code gen_ai.client.token.usage}. */
    private static final Pattern PROSE_METRIC =
            Pattern.compile("(?<![\\w./-])[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+(?![\\w/-])");
    private static final Pattern HOST_LIKE =
            Pattern.compile(".*\\.(?:com|net|org|io|dev|ai|svc|local|internal|cluster)$");
    private static final Set<String> PROMQL_WORDS = Set.of(
            "sum", "avg", "min", "max", "count", "rate", "irate", "increase", "delta", "idelta", "deriv", "time",
            "histogram_quantile", "avg_over_time", "max_over_time", "min_over_time", "sum_over_time",
            "count_over_time", "quantile_over_time", "last_over_time", "present_over_time", "stddev_over_time",
            "label_replace", "label_join", "clamp_min", "clamp_max", "absent", "absent_over_time", "by", "without",
            "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "offset", "bool", "topk",
            "bottomk", "quantile", "vector", "scalar", "le");

    private MetricNames() {}

    /** Metric names in the PromQL expression(s) of a Prometheus graph URL; empty for other URLs. */
    static Set<String> inGeneratorUrl(String url) {
        Set<String> names = new LinkedHashSet<>();
        if (url == null) {
            return names;
        }
        Matcher param = EXPR_PARAM.matcher(url);
        while (param.find()) {
            String expr = decode(param.group(1));
            Matcher identifier = PROMQL_IDENTIFIER.matcher(LABEL_MATCHERS.matcher(expr).replaceAll(" "));
            while (identifier.find()) {
                String name = identifier.group();
                if ((name.contains("_") || name.contains(":")) && !PROMQL_WORDS.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** snake_case and dotted metric-like names in free text, leaving out host names and versions. */
    static Set<String> inText(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text == null) {
            return names;
        }
        Matcher candidate = PROSE_METRIC.matcher(text.toLowerCase(Locale.ROOT));
        while (candidate.find()) {
            String name = candidate.group();
            boolean snake = name.contains("_");
            boolean dotted = name.chars().filter(c -> c == '.').count() >= 2;
            if ((snake || dotted) && !HOST_LIKE.matcher(name).matches()) {
                names.add(name);
            }
        }
        return names;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }
}
