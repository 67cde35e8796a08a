package dev.threeam.action;

/**
 * Wakes people through a paging service. One adapter per service; the action service calls it from the outbox
 * worker and retries {@link PageResult.Outcome#RETRYABLE_FAILURE} answers. Adapters never throw for a failed
 * call: every outcome is a {@link PageResult}.
 */
public interface Pager {

    /** {@code pagerduty}, {@code opsgenie}: the name the audit trail and the timeline use. */
    String name();

    PageResult page(PageRequest request);

    /**
     * One line saying what {@link #page} would send, without secrets (keys shown by their last characters):
     * {@code PagerDuty: POST https://events.pagerduty.com/v2/enqueue, trigger INC-7 for routing key …ab12}.
     */
    String describe(PageRequest request);

    /** The last four characters of a key, so a person can tell keys apart without the thread holding them. */
    static String tail(String secret) {
        return secret.length() <= 4 ? "…" : "…" + secret.substring(secret.length() - 4);
    }
}
