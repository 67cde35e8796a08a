package dev.threeam.action;

/**
 * What an external service answered: its HTTP status and the start of its body (at most
 * {@value #MAX_BODY} characters), kept for the timeline and the audit trail. In sandbox mode the service is not
 * called ({@code called} false): the body then says what would have been sent.
 */
public record ProviderAnswer(int status, String body, boolean called) {

    public static final int MAX_BODY = 500;

    public ProviderAnswer {
        body = truncate(body == null ? "" : body.strip());
    }

    public ProviderAnswer(int status, String body) {
        this(status, body, true);
    }

    /** Sandbox mode's answer: nothing was sent; {@code call} says what would have been. */
    public static ProviderAnswer wouldCall(String call) {
        return new ProviderAnswer(0, call, false);
    }

    public boolean isSuccess() {
        return called && status >= 200 && status < 300;
    }

    /** {@code HTTP 404: {"message":"not found"}} */
    @Override
    public String toString() {
        if (!called) {
            return "not called: " + body;
        }
        return body.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + body;
    }

    static String truncate(String text) {
        return dev.threeam.common.Text.clip(text, MAX_BODY);
    }
}
