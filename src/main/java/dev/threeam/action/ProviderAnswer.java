package dev.threeam.action;

/**
 * What an external service answered: its HTTP status and the start of its body (at most
 * {@value #MAX_BODY} characters), kept for the timeline and the audit trail.
 */
public record ProviderAnswer(int status, String body) {

    public static final int MAX_BODY = 500;

    public ProviderAnswer {
        body = truncate(body == null ? "" : body.strip());
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** {@code HTTP 404: {"message":"not found"}} */
    @Override
    public String toString() {
        return body.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + body;
    }

    static String truncate(String text) {
        return dev.threeam.common.Text.clip(text, MAX_BODY);
    }
}
