package dev.threeam.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lenient reads of front-matter values: each returns null when the value has another shape. */
final class Values {

    private Values() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : null;
    }

    /** A scalar as text: strings, numbers and booleans. */
    static String text(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return null;
    }

    /** A list of scalars; a single scalar counts as a list of one, absence as an empty list. */
    static List<String> texts(Object value) {
        if (value == null) {
            return List.of();
        }
        String single = text(value);
        if (single != null) {
            return List.of(single);
        }
        List<Object> list = list(value);
        if (list == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (Object item : list) {
            String text = text(item);
            if (text == null) {
                return null;
            }
            texts.add(text);
        }
        return texts;
    }

    static Double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : null;
    }

    /** How a value looks, for messages: {@code "x"}, {@code 12}, {@code a list}, {@code a mapping}, {@code nothing}. */
    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(value);
    }
}
