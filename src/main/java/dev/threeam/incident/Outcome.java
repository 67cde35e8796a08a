package dev.threeam.incident;

import dev.threeam.common.Sentence;

/**
 * What a press or command came to, and what to tell the person. A refusal or an "already done" is told only to the
 * person who pressed (ephemeral), never posted in the thread.
 */
public record Outcome(Kind kind, Sentence message) {

    public enum Kind { DONE, ALREADY, REFUSED, NOT_FOUND }

    public static Outcome done(Sentence message) {
        return new Outcome(Kind.DONE, message);
    }

    public static Outcome done(String message) {
        return done(Sentence.of(message));
    }

    public static Outcome already(Sentence message) {
        return new Outcome(Kind.ALREADY, message);
    }

    public static Outcome refused(Sentence message) {
        return new Outcome(Kind.REFUSED, message);
    }

    public static Outcome refused(String message) {
        return refused(Sentence.of(message));
    }

    public static Outcome notFound(String incidentId) {
        return new Outcome(Kind.NOT_FOUND, Sentence.of("There is no incident " + incidentId + "."));
    }

    public boolean done() {
        return kind == Kind.DONE;
    }
}
