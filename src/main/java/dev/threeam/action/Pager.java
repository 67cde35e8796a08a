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
}
