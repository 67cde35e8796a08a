package dev.threeam.alert;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;

/** Turns a request body into a JSON tree, refusing empty bodies, malformed JSON and trailing garbage. */
final class JsonBody {

    private static final ObjectReader READER =
            Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBody() {}

    static JsonNode read(byte[] body) {
        if (body == null || body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new BadInputException("body: empty, expected JSON");
        }
        try {
            JsonNode root = READER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new BadInputException("body: empty, expected JSON");
            }
            return root;
        } catch (JacksonException e) {
            throw new BadInputException("body: not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw new BadInputException("body: unreadable: " + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return Fields.cap(line, 300);
    }
}
