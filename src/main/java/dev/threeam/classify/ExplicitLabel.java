package dev.threeam.classify;

import dev.threeam.alert.Alert;
import java.util.List;
import java.util.Optional;

/**
 * The sender's own word: a label {@code ai_failure_type} or {@code failure_type} holding a failure type id wins
 * over every rule, with certainty. An alert 3am raised itself from telemetry (source {@code otel}) carries its
 * reasoning in the annotation {@code evidence}, which becomes the evidence.
 */
final class ExplicitLabel {

    static final List<String> KEYS = List.of("ai_failure_type", "failure_type");
    static final String OWN_TELEMETRY = "otel";

    private ExplicitLabel() {}

    static Optional<Classification> read(Alert alert) {
        for (String key : KEYS) {
            String value = alert.labels().get(key);
            Optional<FailureType> type = FailureType.fromId(value);
            if (type.isPresent()) {
                String evidence = alert.annotations().get("evidence");
                return Optional.of(Classification.certain(type.get(),
                        OWN_TELEMETRY.equals(alert.source()) && evidence != null && !evidence.isBlank()
                                ? evidence.strip()
                                : "label " + key + "=" + value.trim()));
            }
        }
        return Optional.empty();
    }

    /** A note for labels that name no known type, so nobody wonders why theirs was ignored; empty when none. */
    static String ignoredNote(Alert alert) {
        StringBuilder note = new StringBuilder();
        for (String key : KEYS) {
            String value = alert.labels().get(key);
            if (value != null && FailureType.fromId(value).isEmpty()) {
                note.append(" (ignored label ").append(key).append('=').append(Words.shorten(value, 40))
                        .append(": not one of ").append(FailureType.allIds()).append(')');
            }
        }
        return note.toString();
    }
}
