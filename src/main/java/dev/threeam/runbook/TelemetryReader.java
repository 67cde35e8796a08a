package dev.threeam.runbook;

import dev.threeam.config.Config;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns the telemetry keys of front matter that passed {@link TelemetryCheck} into a {@link Telemetry}. */
final class TelemetryReader {

    private TelemetryReader() {}

    static Telemetry read(Map<String, Object> root) {
        Map<String, Object> tools = Values.map(root.get("tools"));
        return new Telemetry(evaluation(root.get("budgets")), evaluation(root.get("latency")),
                tools == null ? null : new Telemetry.Tools(Values.text(tools.get("error_rate")).strip(), evaluation(tools)),
                prices(root.get("prices")));
    }

    /** The {@code window}, {@code for} and {@code min_samples} of a block; defaults where absent. */
    static Telemetry.Evaluation evaluation(Object block) {
        Map<String, Object> map = Values.map(block);
        if (map == null) {
            return Telemetry.Evaluation.DEFAULTS;
        }
        return new Telemetry.Evaluation(duration(map.get("window")), duration(map.get("for")),
                map.get("min_samples") instanceof Integer count ? count : null);
    }

    /** A price table as {@link TelemetryCheck#checkPrices} accepts it, keyed by lower-case model name. */
    static Map<String, Telemetry.Price> prices(Object value) {
        Map<String, Telemetry.Price> prices = new LinkedHashMap<>();
        Map<String, Object> map = Values.map(value);
        if (map != null) {
            map.forEach((model, spec) -> {
                Map<String, Object> price = Values.map(spec);
                prices.put(model.strip().toLowerCase(Locale.ROOT),
                        new Telemetry.Price(Values.number(price.get("input")), Values.number(price.get("output"))));
            });
        }
        return prices;
    }

    private static Duration duration(Object value) {
        String text = Values.text(value);
        return text == null ? null : Config.parseDuration(text);
    }
}
