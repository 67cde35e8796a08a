package dev.threeam.incident;

import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxPayload;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * One change to one incident, inside one transaction: what it writes beside the incident's own state — facts on the
 * timeline and the outbox rows that show them in Slack (the card redrawn, coalesced; a reply; a question redrawn;
 * a page or a rollback). Other concepts ({@code action}, {@code drill}) receive one from
 * {@link IncidentService#update} and may attach their own stores to the same transaction.
 */
public final class IncidentUpdate {

    private final Handle handle;
    private final Instant now;
    private final Duration cardInterval;
    private Incident incident;
    private IncidentStore store;
    private AnswerStore answers;
    private Outbox.Writer outbox;

    IncidentUpdate(Handle handle, Instant now, Duration cardInterval, Incident incident) {
        this.handle = handle;
        this.now = now;
        this.cardInterval = cardInterval;
        this.incident = incident;
    }

    public Incident incident() {
        return incident;
    }

    public Instant now() {
        return now;
    }

    /** Writes a fact on the timeline. */
    public TimelineEntry record(String actor, Fact fact) {
        return Timeline.add(handle, incident.id(), now, actor, fact);
    }

    /** Writes a fact on the timeline and says it in the thread. */
    public TimelineEntry announce(String actor, Fact fact) {
        TimelineEntry entry = record(actor, fact);
        deliver(Deliveries.PostReply.notice(entry));
        return entry;
    }

    /** The card shows the latest state: redrawn at most once per card interval. */
    public void redrawCard() {
        Outbox.redrawCard(handle, incident.id(), now, incident.thread().cardUpdatedAt(), cardInterval);
    }

    /** Redraws a message already posted in the thread. */
    public void redraw(ThreadPart part) {
        deliver(new Deliveries.RedrawMessage(part));
    }

    /**
     * Redraws a part of the thread if it is posted already; one still on its way is drawn from the state of the
     * moment it is sent, so it needs no redraw.
     */
    public void redrawIfPosted(ThreadPart part) {
        if (handle.attach(ThreadStore.class).postedTs(incident.id(), part.id()).isPresent()) {
            redraw(part);
        }
    }

    /** Posts a part of the thread (again). */
    public void post(ThreadPart part) {
        deliver(Deliveries.PostReply.of(part));
    }

    public void deliver(OutboxPayload payload) {
        if (outbox == null) {
            outbox = Outbox.writer(handle, cardInterval);
        }
        outbox.enqueue(incident.id(), payload, now);
    }

    /** A store of the caller's own concept, in this same transaction. */
    public <S> S attach(Class<S> store) {
        return handle.attach(store);
    }

    AnswerStore answers() {
        if (answers == null) {
            answers = handle.attach(AnswerStore.class);
        }
        return answers;
    }

    IncidentStore store() {
        if (store == null) {
            store = handle.attach(IncidentStore.class);
        }
        return store;
    }

    Handle handle() {
        return handle;
    }

    Duration cardInterval() {
        return cardInterval;
    }

    /** Reads the incident again after this update changed it. */
    Incident refresh() {
        incident = store().find(incident.id()).orElseThrow();
        return incident;
    }
}
