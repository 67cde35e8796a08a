package dev.threeam.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;
import java.util.Map;

/** Small JSON request bodies (drills, eval results), with errors that name the field. */
final class JsonBodies {

    private JsonBodies() {}

    static Map<String, Object> object(byte[] body) {
        try {
            Map<String, Object> map = Json.mapper().readValue(body, new TypeReference<Map<String, Object>>() {});
            if (map == null) {
                throw new BadInputException("body: expected a JSON object");
            }
            return map;
        } catch (JsonProcessingException e) {
            throw new BadInputException("body: expected a JSON object (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw new BadInputException("body: unreadable: " + e.getMessage());
        }
    }

    static String string(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new BadInputException(field + ": required, a string" + (value == null ? "" : "; got " + value));
        }
        return text;
    }
}
