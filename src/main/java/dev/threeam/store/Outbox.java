package dev.threeam.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.threeam.common.Json;
import dev.threeam.common.ThreeAmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox: rows are written in the same transaction as the state they show, then claimed by a worker (on
 * PostgreSQL with {@code FOR UPDATE SKIP LOCKED}) under a lease. A row is free again when its lease ran out or when the
 * replica holding it stopped beating ({@link Replica}), so a dead replica's claims are taken over within seconds.
 */
public final class Outbox {

    private static final String ORDERED = OutboxKind.idsWhere(OutboxKind::ordered);
    private static final String BLOCKING = OutboxKind.idsWhere(OutboxKind::blocksLater);

    private final Jdbi jdbi;
    private final String lock;
    private final Duration cardInterval;

    /** {@code cardInterval}: a card is redrawn at most once per this. */
    public Outbox(Database database, Duration cardInterval) {
        this.jdbi = database.jdbi();
        this.lock = database.postgres() ? "FOR UPDATE SKIP LOCKED" : "";
        this.cardInterval = cardInterval;
        Database.prepare(jdbi, OutboxWrites.class, OutboxClaims.class, OutboxState.class);
    }

    /** Adds a row inside the caller's transaction. */
    public static void enqueue(Handle handle, String incidentId, OutboxPayload payload, Instant at) {
        writer(handle, Duration.ZERO).enqueue(incidentId, payload, at);
    }

    /** Writes outbox rows in the caller's transaction; one per transaction saves attaching the store for each row. */
    public static Writer writer(Handle handle, Duration cardInterval) {
        return new Writer(handle, cardInterval);
    }

    /** The statement of {@link OutboxWrites#redrawCard}, for the alert writer's batches, which run it without attaching. */
    private static final String REDRAW_CARD = org.jdbi.v3.core.locator.ClasspathSqlLocator.create()
            .locate(OutboxWrites.class, "redrawCard");

    /**
     * Outbox rows written inside one transaction. The card redraws of an alert batch run on the handle directly: the
     * store is attached only when a row is enqueued (attaching costs per method, in every batch that would).
     */
    public static final class Writer {
        private final Handle handle;
        private final Duration cardInterval;
        private OutboxWrites store;

        private Writer(Handle handle, Duration cardInterval) {
            this.handle = handle;
            this.cardInterval = cardInterval;
        }

        public void enqueue(String incidentId, OutboxPayload payload, Instant at) {
            OutboxKind kind = payload.kind();
            if (store == null) {
                store = handle.attach(OutboxWrites.class);
            }
            store.enqueue(incidentId, kind.id(), kind.priority(), Json.write(payload), at);
        }

        /** {@link Outbox#redrawCard} for several incidents (with when each card was last drawn) in one statement. */
        public void redrawCards(List<String> incidentIds, List<Instant> lastDrawn, Instant now) {
            org.jdbi.v3.core.statement.PreparedBatch batch = ReusedStatements.reuse(handle.prepareBatch(REDRAW_CARD));
            for (int i = 0; i < incidentIds.size(); i++) {
                Instant notBefore = notBefore(lastDrawn.get(i), now, cardInterval);
                batch.bind("incident", incidentIds.get(i)).bind("priority", OutboxKind.UPDATE_CARD.priority())
                        .bind("key", "card:" + incidentIds.get(i)).bind("notBefore", notBefore).bind("now", now).add();
            }
            batch.execute();
        }
    }

    /**
     * Asks for the card to be redrawn, at most once per {@code interval}. One redraw row per incident exists at a
     * time: while it waits, later changes ride on it (it renders the state of the moment it is sent); while it is
     * being sent, a change marks it {@code again}, and {@link #done} then asks for one more redraw an interval later,
     * so the card always ends on the latest state.
     */
    public static void redrawCard(Handle handle, String incidentId, Instant now, Instant lastDrawn, Duration interval) {
        Instant notBefore = notBefore(lastDrawn, now, interval);
        handle.attach(OutboxWrites.class).redrawCard(incidentId, OutboxKind.UPDATE_CARD.priority(), "card:" + incidentId, notBefore, now);
    }

    /** When a card last drawn at {@code lastDrawn} (null: never) may be drawn again: now, or an interval after it. */
    private static Instant notBefore(Instant lastDrawn, Instant now, Duration interval) {
        return lastDrawn == null || lastDrawn.plus(interval).isBefore(now) ? now : lastDrawn.plus(interval);
    }

    /**
     * Claims up to {@code limit} due rows of the given kinds for {@code worker} of {@code replica}, oldest first within
     * priority, under a lease: rows nobody holds, rows whose lease ran out, rows of other replicas whose heartbeat stopped
     * (a dead predecessor of this process has another id), and rows this worker itself still held (an earlier answer
     * that could not be written). Rows this replica's other workers hold stay theirs until their lease runs out, however
     * old this replica's own heartbeat looks after a pause.
     */
    public List<OutboxMessage> claim(Collection<OutboxKind> kinds, Replica replica, String worker, Instant now, Duration lease, int limit) {
        return jdbi.inTransaction(handle -> handle.attach(OutboxClaims.class)
                .claim(kinds.stream().map(OutboxKind::id).toList(), replica.id(), worker, now.plus(lease), now, replica.aliveSince(now), limit,
                        ORDERED, BLOCKING, lock)
                .stream()
                .sorted(Comparator.comparingInt(OutboxMessage::priority).thenComparingLong(OutboxMessage::id))
                .toList());
    }

    /**
     * Extends this worker's lease on a row just before handling it; false when the lease already passed to someone
     * else (then the row is theirs, and this worker must leave it alone).
     */
    public boolean renew(long id, String worker, Instant until) {
        return claims(store -> store.renew(id, worker, until)) == 1;
    }

    /** Counts an attempt before the call is made: a row with attempts &gt; 0 may already have reached Slack. */
    public void markAttempt(long id) {
        run(store -> store.markAttempt(id));
    }

    /**
     * The row was carried out. A card redraw frees its key; if the incident changed while it was being sent, one
     * more redraw is due an interval from now.
     */
    public void done(OutboxMessage row, Instant now) {
        done(row, now, OutboxHandler.NOTHING);
    }

    /**
     * {@link #done(OutboxMessage, Instant)}, with what the delivery records about itself ({@code alongside}, run first
     * on this thread, its Jdbi calls joining this transaction): one commit instead of two. A crash before it commits
     * leaves the row pending with its attempt counted, as a crash between two commits did.
     */
    public void done(OutboxMessage row, Instant now, Runnable alongside) {
        jdbi.useTransaction(handle -> {
            alongside.run(); // first: it updates the incident before its outbox row, in the order the alert writer does
            OutboxClaims store = handle.attach(OutboxClaims.class);
            store.done(row.id()); // first: it waits for a change's "again" being written now, which the read below then sees
            boolean again = row.kind() == OutboxKind.UPDATE_CARD && store.payload(row.id()).orElse("").contains("\"again\"");
            if (again) {
                redrawCard(handle, row.incidentId(), now, now, cardInterval);
            }
        });
    }

    /** Puts the row back for later; a failure counts (for the backoff), a wait (rate limit) does not. */
    public void retryAt(long id, Instant notBefore, String error, boolean countsAsFailure) {
        run(store -> store.retryAt(id, notBefore, error, countsAsFailure ? 1 : 0));
    }

    public void fail(long id, String error) {
        run(store -> store.fail(id, error));
    }

    public long pending() {
        return store(store -> store.count("pending"));
    }

    public long failed() {
        return store(store -> store.count("failed"));
    }

    /** True when the incident's card failed for good and no other attempt at it waits. */
    public boolean cardFailed(String incidentId) {
        return store(store -> store.cardFailed(incidentId)) > 0;
    }

    /** The outbox row that posts the incident's card (its id is in the card's metadata): the latest one not given up. */
    public Optional<Long> cardRow(String incidentId) {
        return store(store -> store.cardRow(incidentId));
    }

    /** Rows waiting after one or more failed tries (Slack or a pager answering 5xx, timing out, not reached). */
    public long retrying() {
        return store(OutboxState::retrying);
    }

    /** When the oldest waiting row was written, if any waits. */
    public Optional<Instant> oldestPending() {
        return store(OutboxState::oldestPending);
    }

    /** The row's payload as its record. */
    public static <P extends OutboxPayload> P payload(OutboxMessage row, Class<P> type) {
        try {
            return Json.mapper().readValue(row.payload(), type);
        } catch (JsonProcessingException e) {
            throw new ThreeAmException("outbox row " + row.id() + " (" + row.kind().id() + ") holds no " + type.getSimpleName()
                    + ": " + row.payload(), e);
        }
    }

    private <T> T store(java.util.function.Function<OutboxState, T> call) {
        return jdbi.withExtension(OutboxState.class, call::apply);
    }

    private <T> T claims(java.util.function.Function<OutboxClaims, T> call) {
        return jdbi.withExtension(OutboxClaims.class, call::apply);
    }

    private void run(java.util.function.Consumer<OutboxClaims> call) {
        jdbi.useExtension(OutboxClaims.class, call::accept);
    }
}
