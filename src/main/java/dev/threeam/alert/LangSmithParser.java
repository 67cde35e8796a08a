package dev.threeam.alert;

import dev.threeam.common.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LangSmith alert webhook. A LangSmith alert only ever fires; its rule ({@code alert_rule_id}) is the group, and
 * its project, rule name, attribute and type become labels so that workflow matching and classification can read them.
 */
public final class LangSmithParser implements AlertParser {

    private static final List<String> LABEL_FIELDS =
            List.of("project_name", "alert_rule_name", "alert_rule_attribute", "alert_rule_type");
    private static final List<String> VALUE_FIELDS = List.of("triggered_metric_value", "triggered_threshold");

    @Override
    public String source() {
        return "langsmith";
    }

    @Override
    public List<Alert> parse(JsonNode body) {
        JsonFields.requireObject(body, "");
        String ruleId = JsonFields.requiredText(body, "alert_rule_id", "");
        Map<String, String> labels = new LinkedHashMap<>();
        for (String field : LABEL_FIELDS) {
            String value = JsonFields.optionalText(body, field, "");
            if (value != null) {
                labels.put(field, value);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : VALUE_FIELDS) {
            String value = JsonFields.optionalNumber(body, field, "");
            if (value != null) {
                values.put(field, value);
            }
        }
        String title = labels.getOrDefault("alert_rule_name", "LangSmith alert rule " + ruleId);
        return List.of(new Alert(
                source(),
                "langsmith:" + ruleId,
                AlertStatus.FIRING,
                title,
                Severity.WARNING,
                ruleId,
                null,
                labels,
                Map.of(),
                values,
                JsonFields.optionalInstant(body, "timestamp", ""),
                JsonFields.optionalText(body, "alert_rule_url", "")));
    }
}
