package dev.threeam.action;

/**
 * How a rollback went.
 *
 * @param detail the provider's answer ({@code HTTP 200: …}), or why it failed or was not attempted
 */
public record RollbackResult(Outcome outcome, String detail) {

    public enum Outcome { DONE, FAILED }

    public RollbackResult {
        detail = ProviderAnswer.truncate(detail == null ? "" : detail);
    }

    public static RollbackResult done(String detail) {
        return new RollbackResult(Outcome.DONE, detail);
    }

    public static RollbackResult failed(String detail) {
        return new RollbackResult(Outcome.FAILED, detail);
    }

    public boolean isDone() {
        return outcome == Outcome.DONE;
    }
}
