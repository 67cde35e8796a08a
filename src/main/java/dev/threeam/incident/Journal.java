package dev.threeam.incident;

import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What every change of an incident writes beside it, inside the same transaction: a timeline sentence, and the
 * outbox rows that will show it in Slack (the card redrawn, coalesced; a reply; a question's message redrawn).
 */
final class Journal {

    private final Handle handle;
    private final IncidentStore store;
    private final Instant now;
    private final Duration cardInterval;

    Journal(Handle handle, Instant now, Duration cardInterval) {
        this.handle = handle;
        this.store = handle.attach(IncidentStore.class);
        this.now = now;
        this.cardInterval = cardInterval;
    }

    IncidentStore store() {
        return store;
    }

    Handle handle() {
        return handle;
    }

    Instant now() {
        return now;
    }

    void log(String incidentId, String actor, String text) {
        store.addTimeline(incidentId, now, actor, text);
    }

    void cardChanged(Incident incident) {
        cardChanged(incident.id(), incident.cardUpdatedAt());
    }

    void cardChanged(String incidentId, Instant cardUpdatedAt) {
        Outbox.updateCard(handle, incidentId, now, cardUpdatedAt, cardInterval);
    }

    /** A reply in the thread; {@code role} tells the renderer what it shows ({@code changes}, {@code q1}, {@code notice} …). */
    void reply(String incidentId, String role, Map<String, ?> details) {
        Map<String, Object> payload = new java.util.HashMap<>(details);
        payload.put("role", role);
        Outbox.enqueue(handle, incidentId, OutboxKind.POST_REPLY, payload, now);
    }

    /** A notice in the thread: one line of text that is already safe mrkdwn. */
    void notice(String incidentId, String text) {
        reply(incidentId, "notice", Map.of("text", text));
    }

    /** Redraw a message already posted in the thread (a question once answered). */
    void redraw(String incidentId, String role) {
        Outbox.enqueue(handle, incidentId, OutboxKind.UPDATE_MESSAGE, Map.of("role", role), now);
    }

    void enqueue(String incidentId, OutboxKind kind, Map<String, ?> payload) {
        Outbox.enqueue(handle, incidentId, kind, payload, now);
    }
}
