package dev.threeam.alert;

import dev.threeam.common.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Grafana unified alerting webhook: the Alertmanager shape plus, per alert, {@code values} (kept in
 * {@link Alert#values()}), the older {@code valueString} (kept in annotations as {@code value_string}) and
 * dashboard, panel and silence links (annotations {@code dashboard_url}, {@code panel_url}, {@code silence_url}).
 */
public final class GrafanaParser extends AlertmanagerParser {

    @Override
    public String source() {
        return "grafana";
    }

    @Override
    protected void addSourceFields(JsonNode alert, String path, Map<String, String> annotations,
                                   Map<String, String> values) {
        values.putAll(JsonFields.scalarMap(alert, "values", path));
        putIfPresent(annotations, "value_string", JsonFields.optionalText(alert, "valueString", path));
        putIfPresent(annotations, "dashboard_url", JsonFields.optionalText(alert, "dashboardURL", path));
        putIfPresent(annotations, "panel_url", JsonFields.optionalText(alert, "panelURL", path));
        putIfPresent(annotations, "silence_url", JsonFields.optionalText(alert, "silenceURL", path));
    }

    @Override
    protected String url(JsonNode alert, String path) {
        String generator = super.url(alert, path);
        return generator != null ? generator : JsonFields.optionalText(alert, "panelURL", path);
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
