package dev.threeam.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import dev.threeam.common.Json;
import dev.threeam.store.SeenEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack redelivers an event it believes was not received ({@code X-Slack-Retry-Num}, same {@code event_id}), possibly
 * to another replica: the first delivery acts, a repeat is acknowledged and does nothing. Works in HTTP and Socket Mode
 * alike (a Bolt middleware). Button presses are not retried by Slack; a second press is a new interaction, refused as
 * already done by the action it asks for.
 */
public final class EventReplays {

    private static final Logger LOG = LoggerFactory.getLogger(EventReplays.class);

    private final SeenEvents seen;

    public EventReplays(SeenEvents seen) {
        this.seen = seen;
    }

    public void register(App app) {
        app.use((request, response, chain) -> repeat(request) ? Response.ok() : chain.next(request));
    }

    private boolean repeat(Request<?> request) {
        if (!(request instanceof EventRequest event)) {
            return false;
        }
        String id = eventId(event.getRequestBodyAsString());
        if (id == null || seen.firstTime("slack-event:" + id)) {
            return false;
        }
        LOG.info("Slack event {} ({}) delivered again (retry {}): already handled", id, event.getEventType(),
                event.getContext().getRetryNum());
        return true;
    }

    private static String eventId(String body) {
        try {
            String id = Json.mapper().readTree(body).path("event_id").asText("");
            return id.isBlank() ? null : id;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
