package dev.threeam.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads fields of JSON input, naming field and place ({@code [2].summary}) in what it refuses. */
final class JsonFields {

    private static final int SHOWN = 60;

    private JsonFields() {}

    static JsonNode readTree(String body, String what) {
        if (body == null || body.isBlank()) {
            throw new BadInputException("body: expected " + what + ", got nothing");
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new BadInputException("body: not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    /** {@code path.field}, or {@code field} at the top. */
    static String at(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String text(JsonNode object, String field, String path) {
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
    static String textOrNumber(JsonNode object, String field, String path) {
        JsonNode value = object.get(field);
        if (value != null && value.isNumber()) {
            return value.asText();
        }
        return text(object, field, path);
    }

    static Instant instant(JsonNode object, String field, String path) {
        String text = text(object, field, path);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException(at(path, field) + ": expected an ISO-8601 time like 2026-11-28T01:40:00Z, got "
                    + describe(object.get(field)));
        }
    }

    /** How a value shows in an error message: strings quoted and shortened, containers by their kind. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return "\"" + ChangeEvent.truncate(value.textValue(), SHOWN) + "\"";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return ChangeEvent.truncate(value.toString(), SHOWN);
    }

    static String quoted(String text) {
        return "\"" + ChangeEvent.truncate(text, SHOWN) + "\"";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
