package dev.threeam.action;

import java.util.List;
import java.util.stream.Collectors;

/** One equality matcher of a silence: label {@code name} equals {@code value}. */
public record SilenceMatcher(String name, String value) {

    /** {@code alertname="RagRecallLow", workflow="support-chat"}, as the thread says them. */
    public static String said(List<SilenceMatcher> matchers) {
        return matchers.stream().map(matcher -> matcher.name() + "=\"" + matcher.value() + "\"").collect(Collectors.joining(", "));
    }
}
