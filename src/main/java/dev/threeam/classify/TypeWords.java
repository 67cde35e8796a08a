package dev.threeam.classify;

import java.util.Locale;

/** The one-word name of a failure type used in evidence lines: {@code retrieval}, {@code provider}, {@code cost}. */
final class TypeWords {

    private TypeWords() {}

    static String shortName(FailureType type) {
        return type == FailureType.UNCLASSIFIED ? "infrastructure" : type.id().split("_")[0].toLowerCase(Locale.ROOT);
    }
}
