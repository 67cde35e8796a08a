package dev.threeam.action;

/**
 * How a page went, with what the service answered ({@code status} 0 when it was not reached or not called).
 *
 * @param detail the service's answer ({@code HTTP 202: {"status":"success"…}}) or why there is none
 */
public record PageResult(Outcome outcome, int status, String detail) {

    public enum Outcome {
        /** The service accepted the event. */
        DONE,
        /** Worth trying again later: rate limited, server error, not reached. */
        RETRYABLE_FAILURE,
        /** Trying again will not help: bad request, bad key, not configured. */
        PERMANENT_FAILURE,
        /** Not called: sandbox mode only says what it would have sent ({@code detail}). */
        WOULD_CALL
    }

    public PageResult {
        detail = ProviderAnswer.truncate(detail == null ? "" : detail);
    }

    /** Reads a paging API's answer: 2xx done; 408, 429 and 5xx retryable; any other status permanent. */
    public static PageResult from(ProviderAnswer answer) {
        int status = answer.status();
        Outcome outcome = answer.isSuccess() ? Outcome.DONE
                : status == 408 || status == 429 || status >= 500 ? Outcome.RETRYABLE_FAILURE
                : Outcome.PERMANENT_FAILURE;
        return new PageResult(outcome, status, answer.toString());
    }

    public static PageResult retryable(String detail) {
        return new PageResult(Outcome.RETRYABLE_FAILURE, 0, detail);
    }

    public static PageResult permanent(String detail) {
        return new PageResult(Outcome.PERMANENT_FAILURE, 0, detail);
    }

    /** Sandbox mode's answer: {@code call} says what would have been sent, and nothing was. */
    public static PageResult wouldCall(String call) {
        return new PageResult(Outcome.WOULD_CALL, 0, call);
    }

    public boolean isDone() {
        return outcome == Outcome.DONE;
    }
}
