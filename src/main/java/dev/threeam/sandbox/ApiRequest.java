package dev.threeam.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threeam.common.Json;
import java.util.Map;

/**
 * The arguments of one Web API call, all as strings (JSON arguments such as {@code blocks} are JSON text), and the
 * base URL it was called at ({@code http://127.0.0.1:3000}; null when called without a server), for URLs it answers.
 */
record ApiRequest(String method, Map<String, String> params, String baseUrl) {

    ApiRequest {
        params = Map.copyOf(params);
    }

    ApiRequest(String method, Map<String, String> params) {
        this(method, params, null);
    }

    /** The argument, or null when missing or blank. */
    String optional(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** The argument, or the given Slack error when it is missing. */
    String required(String name, String errorWhenMissing) {
        String value = optional(name);
        if (value == null) {
            throw new SlackApiError(errorWhenMissing);
        }
        return value;
    }

    boolean flag(String name) {
        String value = optional(name);
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    int integer(String name, int defaultValue) {
        String value = optional(name);
        try {
            return value == null ? defaultValue : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new SlackApiError("invalid_arguments");
        }
    }

    /** A JSON argument ({@code blocks}, {@code metadata}, {@code view}), or null when missing. */
    JsonNode json(String name, String errorWhenInvalid) {
        String value = optional(name);
        if (value == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new SlackApiError(errorWhenInvalid);
        }
    }

    ObjectNode jsonObject(String name, String errorWhenInvalid) {
        JsonNode value = json(name, errorWhenInvalid);
        if (value != null && !value.isObject()) {
            throw new SlackApiError(errorWhenInvalid);
        }
        return (ObjectNode) value;
    }
}
