package dev.threeam.alert;

import dev.threeam.common.Text;
import dev.threeam.common.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 3am's own alert JSON, one object or an array (see ARCHITECTURE.md, "Generic alert"). Only {@code title} is
 * required. An explicit {@code failure_type} travels as the label {@code failure_type}, which the classifier honours
 * when it is a known id.
 */
public final class GenericParser implements AlertParser {

    @Override
    public String source() {
        return "generic";
    }

    @Override
    public List<Alert> parse(JsonNode body) {
        if (body.isObject()) {
            return List.of(parseOne(body, ""));
        }
        if (!body.isArray()) {
            throw new BadInputException("body: expected an alert object or an array of them, got " + JsonFields.describe(body));
        }
        if (body.isEmpty()) {
            throw new BadInputException("body: expected at least one alert");
        }
        JsonFields.requireAtMost(body.size(), "");
        List<Alert> alerts = new ArrayList<>();
        for (int index = 0; index < body.size(); index++) {
            String path = "[" + index + "]";
            JsonNode item = body.get(index);
            JsonFields.requireObject(item, path);
            alerts.add(parseOne(item, path));
        }
        return alerts;
    }

    private Alert parseOne(JsonNode item, String path) {
        String title = JsonFields.requiredText(item, "title", path);
        String workflow = JsonFields.optionalText(item, "workflow", path);
        Map<String, String> sentLabels = JsonFields.scalarMap(item, "labels", path);
        Map<String, String> labels = new LinkedHashMap<>(sentLabels);
        String failureType = failureType(item, path);
        if (failureType != null) {
            labels.put("failure_type", failureType);
        }
        String fingerprint = JsonFields.optionalText(item, "fingerprint", path);
        return new Alert(
                source(),
                fingerprint != null ? fingerprint : Fingerprints.of(workflow, title, sentLabels),
                status(item, path),
                title,
                Severity.normalize(JsonFields.optionalText(item, "severity", path)),
                JsonFields.optionalText(item, "group_key", path),
                workflow,
                labels,
                JsonFields.scalarMap(item, "annotations", path),
                values(item, path),
                JsonFields.optionalInstant(item, "starts_at", path),
                JsonFields.optionalText(item, "url", path));
    }

    private static AlertStatus status(JsonNode item, String path) {
        String status = JsonFields.optionalText(item, "status", path);
        if (status == null) {
            return AlertStatus.FIRING;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "firing" -> AlertStatus.FIRING;
            case "resolved" -> AlertStatus.RESOLVED;
            default -> throw new BadInputException(JsonFields.at(path, "status")
                    + ": expected \"firing\" or \"resolved\", got \"" + Text.cap(status, 40) + "\"");
        };
    }

    /**
     * The sender's own failure type, lower-cased, travelling as a label. The classifier checks it is a known id
     * (this package does not depend on the classifier's types).
     */
    private static String failureType(JsonNode item, String path) {
        String raw = JsonFields.optionalText(item, "failure_type", path);
        return raw == null ? null : Text.cap(raw.toLowerCase(Locale.ROOT), 100);
    }

    private static Map<String, String> values(JsonNode item, String path) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("value", "threshold")) {
            String number = JsonFields.optionalNumber(item, field, path);
            if (number != null) {
                values.put(field, number);
            }
        }
        return values;
    }
}
