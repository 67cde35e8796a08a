package dev.threeam.action;

/**
 * How a rollback went.
 *
 * @param detail the provider's answer ({@code HTTP 200: …}), or why it failed or was not attempted
 */
public record RollbackResult(Outcome outcome, String detail) {

    /**
     * {@code UNREACHABLE}: the provider did not answer (5xx, 408, 429, a timeout, not reached); worth trying again.
     * {@code WOULD_CALL}: not called, sandbox mode only says what it would have changed ({@code detail}).
     */
    public enum Outcome { DONE, FAILED, UNREACHABLE, WOULD_CALL }

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

    /** Not reached: the call may be tried again later. */
    public static RollbackResult unreachable(String detail) {
        return new RollbackResult(Outcome.UNREACHABLE, detail);
    }

    /** {@code service} answered something else than success: unreachable for 408, 429 and 5xx, refused otherwise. */
    public static RollbackResult refused(String service, ProviderAnswer answer) {
        int status = answer.status();
        return status == 408 || status == 429 || status >= 500
                ? unreachable(service + " answered " + answer)
                : failed(service + " refused: " + answer);
    }

    public boolean isUnreachable() {
        return outcome == Outcome.UNREACHABLE;
    }

    public boolean isDone() {
        return outcome == Outcome.DONE;
    }
}
