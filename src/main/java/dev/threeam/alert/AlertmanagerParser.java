package dev.threeam.alert;

import dev.threeam.common.Text;
import dev.threeam.common.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Alertmanager webhook v4: one alert per entry of {@code alerts}, each with its own status and fingerprint
 * (a group's {@code status} says nothing about any one alert). {@code commonLabels} and
 * {@code commonAnnotations} fill in under each alert's own.
 */
public class AlertmanagerParser implements AlertParser {

    /** Labels that help a human tell alerts of one rule apart when there is no summary to use as a title. */
    private static final List<String> TITLE_LABELS =
            List.of("workflow", "service", "app", "job", "instance", "gen_ai_request_model", "namespace", "pod");

    @Override
    public String source() {
        return "alertmanager";
    }

    @Override
    public List<Alert> parse(JsonNode body) {
        JsonFields.requireObject(body, "");
        JsonNode alerts = body.get("alerts");
        if (alerts == null || alerts.isNull()) {
            throw new BadInputException("alerts: required");
        }
        if (!alerts.isArray()) {
            throw new BadInputException("alerts: expected an array, got " + JsonFields.describe(alerts));
        }
        if (alerts.isEmpty()) {
            throw new BadInputException("alerts: expected at least one alert");
        }
        JsonFields.requireAtMost(alerts.size(), "alerts");
        Map<String, String> commonLabels = JsonFields.scalarMap(body, "commonLabels", "");
        Map<String, String> commonAnnotations = JsonFields.scalarMap(body, "commonAnnotations", "");
        String groupKey = JsonFields.optionalText(body, "groupKey", "");
        List<Alert> parsed = new ArrayList<>();
        for (int index = 0; index < alerts.size(); index++) {
            String path = "alerts[" + index + "]";
            JsonNode alert = alerts.get(index);
            JsonFields.requireObject(alert, path);
            parsed.add(parseOne(alert, path, groupKey, commonLabels, commonAnnotations));
        }
        return parsed;
    }

    private Alert parseOne(JsonNode alert, String path, String groupKey,
                           Map<String, String> commonLabels, Map<String, String> commonAnnotations) {
        Map<String, String> labels = underneath(commonLabels, JsonFields.scalarMap(alert, "labels", path));
        Map<String, String> annotations = underneath(commonAnnotations, JsonFields.scalarMap(alert, "annotations", path));
        Map<String, String> values = new LinkedHashMap<>();
        addSourceFields(alert, path, annotations, values);
        String fingerprint = JsonFields.optionalText(alert, "fingerprint", path);
        String title = title(labels, annotations);
        return new Alert(
                source(),
                fingerprint != null ? fingerprint : Fingerprints.of(null, title, labels),
                status(alert, path),
                title,
                Severity.normalize(labels.get("severity")),
                groupKey,
                null,
                labels,
                annotations,
                values,
                JsonFields.optionalInstant(alert, "startsAt", path),
                url(alert, path));
    }

    /** Hook for Grafana, whose alerts carry values and dashboard links on top of the Alertmanager shape. */
    protected void addSourceFields(JsonNode alert, String path, Map<String, String> annotations,
                                   Map<String, String> values) {
    }

    /** Where the alert links back to: the rule's generator URL, or what a subclass prefers when that is missing. */
    protected String url(JsonNode alert, String path) {
        return JsonFields.optionalText(alert, "generatorURL", path);
    }

    static AlertStatus status(JsonNode alert, String path) {
        String status = JsonFields.requiredText(alert, "status", path);
        return switch (status.toLowerCase(java.util.Locale.ROOT)) {
            case "firing" -> AlertStatus.FIRING;
            case "resolved" -> AlertStatus.RESOLVED;
            default -> throw new BadInputException(
                    path + ".status: expected \"firing\" or \"resolved\", got \"" + Text.cap(status, 40) + "\"");
        };
    }

    private static Map<String, String> underneath(Map<String, String> common, Map<String, String> own) {
        Map<String, String> merged = new LinkedHashMap<>(common);
        merged.putAll(own);
        return merged;
    }

    private static String title(Map<String, String> labels, Map<String, String> annotations) {
        String summary = annotations.get("summary");
        if (summary != null && !summary.isBlank()) {
            return summary.trim();
        }
        String alertname = labels.getOrDefault("alertname", "").trim();
        StringJoiner useful = new StringJoiner(", ", " (", ")").setEmptyValue("");
        TITLE_LABELS.stream()
                .filter(labels::containsKey)
                .limit(3)
                .forEach(key -> useful.add(key + "=" + labels.get(key)));
        String title = (alertname.isEmpty() ? "Alert" : alertname) + useful;
        return Text.cap(title, JsonFields.MAX_STRING);
    }
}
