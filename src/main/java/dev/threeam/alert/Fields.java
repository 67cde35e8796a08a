package dev.threeam.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.BadInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads fields out of a JSON object for the parsers. Every failure names the field's path
 * ({@code alerts[3].labels: expected an object, got "x"}); every string is capped at {@link #MAX_STRING} characters.
 */
final class Fields {

    static final int MAX_STRING = 10_000;
    static final int MAX_ITEMS = 1_000;
    static final String TRUNCATED = "…[truncated]";

    /** Alertmanager's "not ended yet" time. */
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private Fields() {}

    static String path(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    static String cap(String value) {
        return cap(value, MAX_STRING);
    }

    static String cap(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max) + TRUNCATED;
    }

    static void requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new BadInputException(path(path) + ": expected an object, got " + describe(node));
        }
    }

    /** A text field, or null when absent, null or blank; numbers and booleans are read as text. */
    static String optionalText(JsonNode object, String field, String prefix) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new BadInputException(path(prefix, field) + ": expected a string, got " + describe(node));
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : cap(text);
    }

    static String requiredText(JsonNode object, String field, String prefix) {
        String text = optionalText(object, field, prefix);
        if (text == null) {
            throw new BadInputException(path(prefix, field) + ": required");
        }
        return text;
    }

    /** An object of scalars as a map of strings (nulls skipped), or an empty map when the field is absent. */
    static Map<String, String> scalarMap(JsonNode object, String field, String prefix) {
        JsonNode node = object.get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        String path = path(prefix, field);
        if (!node.isObject()) {
            throw new BadInputException(path + ": expected an object, got " + describe(node));
        }
        node.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                return;
            }
            if (!value.isValueNode()) {
                throw new BadInputException(path + "." + cap(entry.getKey(), 100)
                        + ": expected a string, number or boolean, got " + describe(value));
            }
            map.put(cap(entry.getKey(), 200), cap(value.asText()));
        });
        return map;
    }

    /** A number field as text, or null when absent; strings holding a number are accepted. */
    static String optionalNumber(JsonNode object, String field, String prefix) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asText();
        }
        if (node.isTextual()) {
            try {
                return new java.math.BigDecimal(node.asText().trim()).toPlainString();
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new BadInputException(path(prefix, field) + ": expected a number, got " + describe(node));
    }

    /** An ISO-8601 time, or null when absent or Alertmanager's zero time. */
    static Instant optionalInstant(JsonNode object, String field, String prefix) {
        String text = optionalText(object, field, prefix);
        if (text == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(text);
            return instant.equals(ZERO_TIME) ? null : instant;
        } catch (DateTimeParseException e) {
            throw new BadInputException(path(prefix, field) + ": expected an ISO-8601 time, got " + describe(object.get(field)));
        }
    }

    static void requireAtMost(int size, String path) {
        if (size > MAX_ITEMS) {
            throw new BadInputException(path(path) + ": " + size + " items, at most " + MAX_ITEMS + " accepted");
        }
    }

    /** How a value looks in an error message: strings quoted and shortened, containers by kind. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "\"" + cap(node.asText(), 40) + "\"";
        }
        return node.asText();
    }

    private static String path(String path) {
        return path.isEmpty() ? "body" : path;
    }
}
