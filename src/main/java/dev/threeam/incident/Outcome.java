package dev.threeam.incident;

/**
 * What a press or command came to. A refusal or an "already done" is told only to the person who pressed
 * (ephemeral), never posted in the thread.
 */
public record Outcome(Kind kind, String message) {

    public enum Kind { DONE, ALREADY, REFUSED, NOT_FOUND }

    public static Outcome done(String message) {
        return new Outcome(Kind.DONE, message);
    }

    public static Outcome already(String message) {
        return new Outcome(Kind.ALREADY, message);
    }

    public static Outcome refused(String message) {
        return new Outcome(Kind.REFUSED, message);
    }

    public static Outcome notFound(String incidentId) {
        return new Outcome(Kind.NOT_FOUND, "There is no incident " + incidentId + ".");
    }

    public boolean done() {
        return kind == Kind.DONE;
    }
}
