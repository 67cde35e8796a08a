package dev.threeam.alert;

import dev.threeam.common.Text;
import dev.threeam.common.JsonFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Datadog's {@code $TAGS}: {@code key:value,key2:value2,bare}. A value may itself hold colons
 * ({@code device:/dev/nvme1n1}); a bare tag becomes a label with an empty value; a repeated key keeps every value,
 * comma-joined.
 */
final class DatadogTags {

    private DatadogTags() {}

    static Map<String, String> parse(String tags) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (tags == null) {
            return labels;
        }
        for (String tag : tags.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            String key = colon < 0 ? trimmed : trimmed.substring(0, colon).trim();
            String value = colon < 0 ? "" : trimmed.substring(colon + 1).trim();
            if (key.isEmpty()) {
                continue;
            }
            labels.merge(Text.cap(key, 200), Text.cap(value, JsonFields.MAX_STRING), (first, second) -> first + "," + second);
        }
        return labels;
    }
}
