package dev.threeam.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.threeam.alert.Alert;
import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;
import java.time.Instant;
import java.util.Objects;

/**
 * An alert the team labelled: a Q1 answer that changed the type, stored so that {@code check --classify} can
 * replay it through the current rules and runbooks.
 *
 * @param source      the alert's source ({@code alertmanager}, {@code generic}, …)
 * @param alertJson   the alert's fields as JSON ({@link #of} writes them, {@link #alert()} reads them back)
 * @param failureType the type the team chose
 * @param workflow    the workflow of the incident, or null when it had none
 * @param by          who chose it (a Slack user id)
 * @param at          when
 */
public record LabelledExample(String source, String alertJson, FailureType failureType, String workflow, String by,
                              Instant at) {

    public LabelledExample {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(alertJson, "alertJson");
        Objects.requireNonNull(failureType, "failureType");
    }

    /** The example of an alert the team labelled {@code failureType}. */
    public static LabelledExample of(Alert alert, FailureType failureType, String workflow, String by, Instant at) {
        return new LabelledExample(alert.source(), Json.write(alert), failureType, workflow, by, at);
    }

    /** The alert as it was stored; a {@link BadInputException} naming the example when its JSON does not read back. */
    public Alert alert() {
        try {
            return Json.mapper().readValue(alertJson, Alert.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new BadInputException("labelled example by " + by + " at " + at + ": alert fields do not read back: "
                    + Words.shorten(String.valueOf(e.getMessage()), 200));
        }
    }

    /** How the replay names it: {@code stored example (U0ALICE, 2026-11-28T02:10:00Z)}. */
    String describe() {
        return "stored example (" + by + ", " + at + ")";
    }
}
