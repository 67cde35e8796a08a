package dev.threeam.alert;

import dev.threeam.common.Text;
import dev.threeam.common.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.BadInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Datadog webhook in 3am's template (see the README): {@code id, title, body, transition, alert_cycle_key,
 * priority, tags, link, date}. One monitor cycle, from trigger to recovery, is one group ({@code alert_cycle_key}).
 */
public final class DatadogParser implements AlertParser {

    /** Datadog prefixes event titles with the transition and group: {@code [Triggered on {service:x}] }. */
    private static final Pattern TRANSITION_PREFIX =
            Pattern.compile("^\\[(?:P\\d\\]\\s*\\[)?(?:re-?)?(?:triggered|recovered|warn|no data|renotify)[^\\]]*\\]\\s*",
                    Pattern.CASE_INSENSITIVE);

    @Override
    public String source() {
        return "datadog";
    }

    @Override
    public List<Alert> parse(JsonNode body) {
        JsonFields.requireObject(body, "");
        String cycleKey = JsonFields.optionalText(body, "alert_cycle_key", "");
        String id = JsonFields.optionalText(body, "id", "");
        if (cycleKey == null && id == null) {
            throw new BadInputException("alert_cycle_key: required (or id)");
        }
        Map<String, String> annotations = new HashMap<>();
        String text = JsonFields.optionalText(body, "body", "");
        if (text != null) {
            annotations.put("description", text);
        }
        return List.of(new Alert(
                source(),
                "datadog:" + (cycleKey != null ? cycleKey : id),
                status(JsonFields.optionalText(body, "transition", "")),
                title(JsonFields.requiredText(body, "title", "")),
                Severity.normalize(JsonFields.optionalText(body, "priority", "")),
                cycleKey,
                null,
                DatadogTags.parse(JsonFields.optionalText(body, "tags", "")),
                annotations,
                Map.of(),
                date(JsonFields.optionalText(body, "date", "")),
                JsonFields.optionalText(body, "link", "")));
    }

    /** Recovered (and Warn Recovered) resolve; Triggered, Re-Triggered, Warn, No Data, Renotify all fire. */
    static AlertStatus status(String transition) {
        if (transition != null && transition.toLowerCase(Locale.ROOT).contains("recover")) {
            return AlertStatus.RESOLVED;
        }
        return AlertStatus.FIRING;
    }

    private static String title(String raw) {
        String stripped = TRANSITION_PREFIX.matcher(raw).replaceFirst("").trim();
        return stripped.isEmpty() ? raw : stripped;
    }

    /** {@code $DATE} is epoch milliseconds; an ISO-8601 time is accepted too. */
    private static Instant date(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            if (raw.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(raw));
            }
            return Instant.parse(raw);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadInputException("date: expected epoch milliseconds or an ISO-8601 time, got \""
                    + Text.cap(raw, 40) + "\"");
        }
    }
}
