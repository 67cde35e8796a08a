package dev.threeam.common;

import com.ethlo.time.ITU;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one reader of JSON input: a body into a tree, and fields out of it. Every failure is a
 * {@link BadInputException} naming the field's path ({@code alerts[3].labels: expected an object, got "x"}); every
 * string is capped at {@link #MAX_STRING} characters.
 */
public final class JsonFields {

    public static final int MAX_STRING = 10_000;
    public static final int MAX_ITEMS = 1_000;

    /** Alertmanager's "not ended yet" time. */
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
    /** How Alertmanager writes it on every firing alert's {@code endsAt} (not worth parsing each time). */
    private static final String ZERO_TIME_TEXT = "0001-01-01T00:00:00Z";
    private static final ObjectReader READER = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private JsonFields() {}

    /** The body as a JSON tree; an empty or blank body, malformed JSON and trailing garbage are refused. */
    public static JsonNode read(byte[] body) {
        if (blank(body)) {
            throw new BadInputException("body: empty, expected JSON");
        }
        try {
            JsonNode root = READER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new BadInputException("body: empty, expected JSON");
            }
            return root;
        } catch (JacksonException e) {
            throw new BadInputException("body: not valid JSON" + where(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadInputException("body: unreadable: " + e.getMessage());
        }
    }

    /** As {@link #read(byte[])}, saying what was expected when the body is empty. */
    public static JsonNode read(byte[] body, String expected) {
        if (blank(body)) {
            throw new BadInputException("body: expected " + expected + ", got nothing");
        }
        return read(body);
    }

    /** A small JSON object body (a drill, an eval result) as a map. */
    public static Map<String, Object> object(byte[] body) {
        JsonNode root = read(body, "a JSON object");
        requireObject(root, "");
        return Json.mapper().convertValue(root, OBJECT);
    }

    /** {@code path.field}, or {@code field} at the top. */
    public static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public static void requireObject(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new BadInputException(where(path) + ": expected an object, got " + describe(node));
        }
    }

    /** A text field, or null when absent, null or blank; numbers and booleans are read as text. Trimmed and capped. */
    public static String optionalText(JsonNode object, String field, String path) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new BadInputException(at(path, field) + ": expected a string, got " + describe(node));
        }
        String text = node.asText().trim();
        return text.isEmpty() ? null : Text.cap(text, MAX_STRING);
    }

    public static String requiredText(JsonNode object, String field, String path) {
        String text = optionalText(object, field, path);
        if (text == null) {
            throw new BadInputException(at(path, field) + ": required");
        }
        return text;
    }

    /** A field that must be a JSON string (as written, not trimmed), or null when absent. */
    public static String string(JsonNode object, String field, String path) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadInputException(at(path, field) + ": expected a string, got " + describe(value));
        }
        return value.textValue();
    }

    /** A string, or a number taken as its text (versions are often numbers). */
    public static String stringOrNumber(JsonNode object, String field, String path) {
        JsonNode value = object.get(field);
        if (value != null && value.isNumber()) {
            return value.asText();
        }
        return string(object, field, path);
    }

    /** A required, non-blank string field of a small body read by {@link #object}. */
    public static String requiredString(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new BadInputException(field + ": required, a string" + (value == null ? "" : "; got " + value));
        }
        return text;
    }

    /** An object of scalars as a map of strings (nulls skipped), or an empty map when the field is absent. */
    public static Map<String, String> scalarMap(JsonNode object, String field, String path) {
        JsonNode node = object.get(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        String where = at(path, field);
        if (!node.isObject()) {
            throw new BadInputException(where + ": expected an object, got " + describe(node));
        }
        node.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                return;
            }
            if (!value.isValueNode()) {
                throw new BadInputException(where + "." + Text.cap(entry.getKey(), 100)
                        + ": expected a string, number or boolean, got " + describe(value));
            }
            map.put(Text.cap(entry.getKey(), 200), Text.cap(value.asText(), MAX_STRING));
        });
        return map;
    }

    /** A number field as text, or null when absent; strings holding a number are accepted. */
    public static String optionalNumber(JsonNode object, String field, String path) {
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
                // refused below
            }
        }
        throw new BadInputException(at(path, field) + ": expected a number, got " + describe(node));
    }

    /** An ISO-8601 time (with an offset or {@code Z}), or null when absent, blank or Alertmanager's zero time. */
    public static Instant optionalInstant(JsonNode object, String field, String path) {
        String text = optionalText(object, field, path);
        if (text == null || ZERO_TIME_TEXT.equals(text)) {
            return null;
        }
        try {
            Instant instant = instant(text);
            return instant.equals(ZERO_TIME) ? null : instant;
        } catch (DateTimeParseException e) {
            throw new BadInputException(at(path, field) + ": expected an ISO-8601 time like 2026-11-28T01:40:00Z, got "
                    + describe(object.get(field)));
        }
    }

    /** RFC 3339 (what every sender writes) by the fast parser; the rest of ISO-8601 (no seconds, …) by java.time. */
    private static Instant instant(String text) {
        try {
            return ITU.parseDateTime(text).toInstant();
        } catch (DateTimeException notRfc3339) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    public static void requireAtMost(int size, String path) {
        if (size > MAX_ITEMS) {
            throw new BadInputException(where(path) + ": " + size + " items, at most " + MAX_ITEMS + " accepted");
        }
    }

    /** How a value looks in an error message: strings quoted and shortened, containers by kind. */
    public static String describe(JsonNode node) {
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
            return quoted(node.asText());
        }
        return Text.clip(node.asText(), 60);
    }

    /** Outside text quoted for an error message, shortened. */
    public static String quoted(String text) {
        return "\"" + Text.clip(text, 60) + "\"";
    }

    /** {@code body} for the top level. */
    private static String where(String path) {
        return path.isEmpty() ? "body" : path;
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** True when the body is empty or only white space, looked at without copying it. */
    private static boolean blank(byte[] body) {
        if (body == null) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return Text.cap(newline < 0 ? message : message.substring(0, newline), 300);
    }
}
