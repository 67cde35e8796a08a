package dev.threeam.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import dev.threeam.store.SeenEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack redelivers an event it believes was not received ({@code X-Slack-Retry-Num}, same {@code event_id}), possibly
 * to another replica: the first delivery acts, a repeat is acknowledged and does nothing. Asked by each event handler
 * (HTTP and Socket Mode alike). Button presses are not retried by Slack; a second press is a new interaction, refused
 * as already done by the action it asks for.
 */
public final class EventReplays {

    private static final Logger LOG = LoggerFactory.getLogger(EventReplays.class);

    private final SeenEvents seen;

    public EventReplays(SeenEvents seen) {
        this.seen = seen;
    }

    /** True when this delivery of the event should act: its first. */
    boolean firstDelivery(EventsApiPayload<?> payload) {
        String id = payload.getEventId();
        if (id == null || id.isBlank() || seen.firstTime("slack-event:" + id)) {
            return true;
        }
        LOG.info("Slack event {} ({}) delivered again: already handled", id, payload.getEvent() == null ? "?" : payload.getEvent().getType());
        return false;
    }
}
