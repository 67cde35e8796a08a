package dev.threeam.runbook;

import dev.threeam.common.ThreeAmException;
import dev.threeam.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the keys 3am executes from telemetry: {@code window:}, {@code for:} and {@code min_samples:} inside
 * {@code latency}, {@code budgets}, {@code tools} and each quality signal; {@code tools.error_rate}; {@code prices}.
 */
final class TelemetryCheck {

    /** Evaluation settings a threshold block may carry beside its numbers. */
    static final Set<String> SETTINGS = Set.of("window", "for", "min_samples");
    /** Budgets and latency targets executed from telemetry. */
    static final Set<String> BUDGETS = Set.of("usd_per_hour", "usd_per_day", "tokens_per_hour");
    static final Set<String> LATENCY = Set.of("p95_seconds", "ttft_p95_seconds");
    static final Duration LONGEST_WINDOW = Duration.ofHours(24);
    private static final Pattern THRESHOLD = Pattern.compile("\\s*(>=|<=|>|<|==)\\s*-?\\d+(\\.\\d+)?\\s*");
    private static final Set<String> TOOL_KEYS = Set.of("error_rate", "window", "for", "min_samples");
    private static final Set<String> PRICE_KEYS = Set.of("input", "output");

    private TelemetryCheck() {}

    static void check(Map<String, Object> root, Problems problems) {
        Map<String, Object> budgets = Values.map(root.get("budgets"));
        if (budgets != null) {
            settings(budgets, "budgets", problems);
            if (budgets.containsKey("window")) {
                problems.warning("budgets.window", "ignored: budgets are read over the last hour (usd_per_hour, "
                        + "tokens_per_hour) or the last 24 h (usd_per_day)");
            }
            budgets.keySet().stream().filter(key -> !BUDGETS.contains(key) && !SETTINGS.contains(key)).forEach(key ->
                    problems.warning("budgets." + key, "not watched from telemetry (3am executes " + BUDGETS.stream().sorted().toList() + ")"));
        }
        Map<String, Object> latency = Values.map(root.get("latency"));
        if (latency != null) {
            settings(latency, "latency", problems);
            latency.keySet().stream().filter(key -> !LATENCY.contains(key) && !SETTINGS.contains(key)).forEach(key ->
                    problems.warning("latency." + key, "not watched from telemetry (3am executes " + LATENCY.stream().sorted().toList() + ")"));
        }
        List<Object> signals = Values.list(root.get("quality_signals"));
        for (int index = 0; signals != null && index < signals.size(); index++) {
            Map<String, Object> signal = Values.map(signals.get(index));
            if (signal != null) {
                settings(signal, YamlTree.item("quality_signals", index), problems);
            }
        }
        checkTools(root.get("tools"), problems);
        checkPrices(root.get("prices"), "prices", problems);
    }

    private static void checkTools(Object value, Problems problems) {
        Map<String, Object> tools = problems.map(value, "tools");
        if (tools == null) {
            return;
        }
        tools.keySet().stream().filter(key -> !TOOL_KEYS.contains(key)).forEach(key ->
                problems.warning("tools." + key, "unknown key, ignored (tools take error_rate, window, for, min_samples)"));
        String rate = problems.text(tools.get("error_rate"), "tools.error_rate", true);
        if (rate != null && !THRESHOLD.matcher(rate).matches()) {
            problems.error("tools.error_rate", "\"" + rate + "\" is not a threshold; write a comparison and a number,"
                    + " quoted: \"< 0.05\"");
        }
        settings(tools, "tools", problems);
    }

    /** {@code prices: {gpt-4o: {input: 2.5, output: 10}}}: USD per million tokens; {@code path} "" is the file's top. */
    static void checkPrices(Object value, String path, Problems problems) {
        Map<String, Object> prices = problems.map(value, path);
        if (prices == null) {
            return;
        }
        prices.forEach((model, spec) -> {
            String at = path.isEmpty() ? model : path + "." + model;
            Map<String, Object> price = problems.map(spec, at);
            if (price == null) {
                if (spec == null) {
                    problems.error(at, "give input and output, USD per million tokens: {input: 2.5, output: 10}");
                }
                return;
            }
            price.keySet().stream().filter(key -> !PRICE_KEYS.contains(key)).forEach(key ->
                    problems.warning(at + "." + key, "unknown key, ignored (a price takes input and output, USD per million tokens)"));
            for (String side : PRICE_KEYS) {
                Object number = price.get(side);
                Double parsed = Values.number(number);
                if (number == null) {
                    problems.error(at + "." + side, "required: USD per million " + side + " tokens");
                } else if (parsed == null || parsed < 0) {
                    problems.error(at + "." + side, "expected a price of 0 or more (USD per million tokens), got "
                            + Values.describe(number));
                }
            }
        });
    }

    private static void settings(Map<String, Object> block, String path, Problems problems) {
        duration(block.get("window"), path + ".window", problems);
        duration(block.get("for"), path + ".for", problems);
        Object minSamples = block.get("min_samples");
        if (minSamples != null && !(minSamples instanceof Integer count && count >= 1)) {
            problems.error(path + ".min_samples", "expected a whole number of 1 or more, got " + Values.describe(minSamples));
        }
    }

    private static void duration(Object value, String path, Problems problems) {
        String text = problems.text(value, path, false);
        if (text == null) {
            return;
        }
        try {
            Duration duration = Config.parseDuration(text);
            if (duration.isNegative()) {
                problems.error(path, "must not be negative, got \"" + text + "\"");
            } else if (duration.compareTo(LONGEST_WINDOW) > 0) {
                problems.error(path, "at most 24h (telemetry is kept for a day), got \"" + text + "\"");
            }
        } catch (ThreeAmException | StringIndexOutOfBoundsException e) {
            problems.error(path, "expected a duration like 30s, 10m or 2h, got \"" + text + "\"");
        }
    }
}
