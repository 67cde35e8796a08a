package dev.threeam.action;

/**
 * How a rollback went.
 *
 * @param detail the provider's answer ({@code HTTP 200: …}), or why it failed or was not attempted
 */
public record RollbackResult(Outcome outcome, String detail) {

    /** {@code WOULD_CALL}: not called, sandbox mode only says what it would have changed ({@code detail}). */
    public enum Outcome { DONE, FAILED, WOULD_CALL }

    public RollbackResult {
        detail = ProviderAnswer.truncate(detail == null ? "" : detail);
    }

    public static RollbackResult done(String detail) {
        return new RollbackResult(Outcome.DONE, detail);
    }

    public static RollbackResult failed(String detail) {
        return new RollbackResult(Outcome.FAILED, detail);
    }

    public static RollbackResult wouldCall(String call) {
        return new RollbackResult(Outcome.WOULD_CALL, call);
    }

    public boolean isDone() {
        return outcome == Outcome.DONE;
    }
}
