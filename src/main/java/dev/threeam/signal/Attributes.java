package dev.threeam.signal;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Reads OTLP attributes: scalar values as text or numbers, the first key present of several names. */
final class Attributes {

    private Attributes() {}

    /** The value of the first of {@code keys} present with a non-blank scalar value. */
    static Optional<String> text(List<KeyValue> attributes, String... keys) {
        for (String key : keys) {
            for (KeyValue attribute : attributes) {
                if (attribute.getKey().equals(key)) {
                    String text = text(attribute.getValue());
                    if (text != null && !text.isBlank()) {
                        return Optional.of(text.strip());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first of {@code keys} present as a number (a double, an int, or a numeric string). */
    static Optional<Double> number(List<KeyValue> attributes, String... keys) {
        for (String key : keys) {
            for (KeyValue attribute : attributes) {
                if (!attribute.getKey().equals(key)) {
                    continue;
                }
                AnyValue value = attribute.getValue();
                switch (value.getValueCase()) {
                    case DOUBLE_VALUE -> {
                        return Optional.of(value.getDoubleValue());
                    }
                    case INT_VALUE -> {
                        return Optional.of((double) value.getIntValue());
                    }
                    case STRING_VALUE -> {
                        try {
                            return Optional.of(Double.parseDouble(value.getStringValue().strip()));
                        } catch (NumberFormatException e) {
                            return Optional.empty();
                        }
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            default -> null;
        };
    }

    /** Every attribute as {@code key=value}, sorted: part of a stream's identity. */
    static String identity(List<KeyValue> attributes) {
        TreeMap<String, String> sorted = new TreeMap<>();
        attributes.forEach(attribute -> sorted.put(attribute.getKey(), attribute.getValue().toString()));
        StringBuilder identity = new StringBuilder();
        sorted.forEach((key, value) -> identity.append(key).append('=').append(value).append('\u0001'));
        return identity.toString();
    }
}
