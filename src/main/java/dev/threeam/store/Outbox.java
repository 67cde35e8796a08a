package dev.threeam.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.threeam.common.Json;
import dev.threeam.common.ThreeAmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox table: rows are written in the same transaction as the state they show, then claimed by a worker
 * (on PostgreSQL with {@code FOR UPDATE SKIP LOCKED}) under a lease, so a dead replica's claims are taken over.
 */
public final class Outbox {

    private static final String BLOCKING = OutboxKind.idsWhere(OutboxKind::blocksLater);
    private static final String ORDERED = OutboxKind.idsWhere(OutboxKind::ordered);

    private final Jdbi jdbi;
    private final String claimSql;

    public Outbox(Database database) {
        this.jdbi = database.jdbi();
        String lock = database.postgres() ? " FOR UPDATE SKIP LOCKED" : "";
        this.claimSql = """
                UPDATE outbox SET claimed_by = :worker, claimed_until = :until
                WHERE id IN (
                  SELECT o.id FROM outbox o
                  WHERE o.status = 'pending' AND o.not_before <= :now AND o.kind IN (<kinds>)
                    AND (o.claimed_until IS NULL OR o.claimed_until < :now)
                    AND (o.kind NOT IN (%s) OR NOT EXISTS (
                      SELECT 1 FROM outbox e WHERE e.incident_id = o.incident_id AND e.status = 'pending'
                        AND e.id < o.id AND e.kind IN (%s)))
                  ORDER BY o.priority, o.id LIMIT :limit%s)
                RETURNING *""".formatted(ORDERED, BLOCKING, lock);
    }

    /** Adds a row inside the caller's transaction. */
    public static void enqueue(Handle handle, String incidentId, OutboxKind kind, Map<String, ?> payload, Instant notBefore) {
        handle.createUpdate("""
                        INSERT INTO outbox (incident_id, kind, priority, payload, status, attempts, not_before, created_at)
                        VALUES (:incident, :kind, :priority, :payload, 'pending', 0, :notBefore, :notBefore)""")
                .bind("incident", incidentId)
                .bind("kind", kind.id())
                .bind("priority", kind.priority())
                .bind("payload", write(payload))
                .bind("notBefore", notBefore)
                .execute();
    }

    /**
     * Asks for the card to be redrawn, at most once per {@code interval}. One redraw row per incident exists at a
     * time (its {@code coalesce_key}): while it waits, later changes ride on it (it renders the state of the moment
     * it is sent); while it is being sent, a change marks it {@code again}, and {@link #cardRedrawn} then asks for
     * one more redraw an interval later, so the card always ends on the latest state.
     */
    public static void updateCard(Handle handle, String incidentId, Instant now, Instant lastUpdate, Duration interval) {
        Instant notBefore = lastUpdate == null || lastUpdate.plus(interval).isBefore(now) ? now : lastUpdate.plus(interval);
        handle.createUpdate("""
                        INSERT INTO outbox (incident_id, kind, priority, payload, coalesce_key, status, attempts, not_before, created_at)
                        VALUES (:incident, 'update_card', :priority, '{}', :key, 'pending', 0, :notBefore, :now)
                        ON CONFLICT (coalesce_key) DO UPDATE SET payload = CASE WHEN outbox.claimed_by IS NULL
                          THEN outbox.payload ELSE '{"again":true}' END""")
                .bind("incident", incidentId)
                .bind("priority", OutboxKind.UPDATE_CARD.priority())
                .bind("key", "card:" + incidentId)
                .bind("notBefore", notBefore)
                .bind("now", now)
                .execute();
    }

    /**
     * A card redraw was sent: the row is done and frees its key; if the incident changed while it was being sent,
     * one more redraw is due an interval from now.
     */
    public static void cardRedrawn(Handle handle, OutboxMessage row, Instant now, Duration interval) {
        String payload = handle.createQuery("SELECT payload FROM outbox WHERE id = :id").bind("id", row.id()).mapTo(String.class).one();
        done(handle, row.id());
        if (payload.contains("\"again\"")) {
            updateCard(handle, row.incidentId(), now, now, interval);
        }
    }

    /** Claims up to {@code limit} due rows of the given kinds, oldest first within priority, under a lease. */
    public List<OutboxMessage> claim(java.util.Collection<OutboxKind> kinds, String worker, Instant now, Duration lease, int limit) {
        return jdbi.inTransaction(handle -> handle.createQuery(claimSql)
                .bindList("kinds", kinds.stream().map(OutboxKind::id).toList())
                .bind("worker", worker)
                .bind("until", now.plus(lease))
                .bind("now", now)
                .bind("limit", limit)
                .map(org.jdbi.v3.core.mapper.reflect.ConstructorMapper.of(OutboxMessage.class))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparingInt(OutboxMessage::priority).thenComparingLong(OutboxMessage::id))
                .toList());
    }

    /**
     * Extends this worker's lease on a row just before handling it; false when the lease already passed to someone
     * else (then the row is theirs, and this worker must leave it alone).
     */
    public boolean renew(long id, String worker, Instant until) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE outbox SET claimed_until = :until WHERE id = :id AND claimed_by = :worker AND status = 'pending'")
                .bind("id", id).bind("worker", worker).bind("until", until).execute()) == 1;
    }

    /** Counts an attempt before the call is made: a row with attempts > 0 may already have reached Slack. */
    public void markAttempt(long id) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE outbox SET attempts = attempts + 1 WHERE id = :id")
                .bind("id", id).execute());
    }

    public static void done(Handle handle, long id) {
        handle.createUpdate("""
                        UPDATE outbox SET status = 'done', claimed_by = NULL, claimed_until = NULL, last_error = NULL, coalesce_key = NULL
                        WHERE id = :id""")
                .bind("id", id).execute();
    }

    public void done(long id) {
        jdbi.useHandle(handle -> done(handle, id));
    }

    /** Puts the row back for later; a failure counts an attempt (for backoff), a wait (rate limit) does not. */
    public void retryAt(long id, Instant notBefore, String error, boolean countsAsAttempt) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        UPDATE outbox SET not_before = :notBefore, claimed_by = NULL, claimed_until = NULL, last_error = :error,
                          attempts = attempts + :delta
                        WHERE id = :id""")
                .bind("id", id).bind("notBefore", notBefore).bind("error", error).bind("delta", countsAsAttempt ? 1 : 0)
                .execute());
    }

    public void fail(long id, String error) {
        jdbi.useHandle(handle -> handle.createUpdate(
                        "UPDATE outbox SET status = 'failed', claimed_by = NULL, claimed_until = NULL, last_error = :error, coalesce_key = NULL WHERE id = :id")
                .bind("id", id).bind("error", error).execute());
    }

    public Optional<OutboxMessage> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM outbox WHERE id = :id")
                .bind("id", id).map(org.jdbi.v3.core.mapper.reflect.ConstructorMapper.of(OutboxMessage.class)).findOne());
    }

    public long pending() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM outbox WHERE status = 'pending'")
                .mapTo(Long.class).one());
    }

    public long failed() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM outbox WHERE status = 'failed'")
                .mapTo(Long.class).one());
    }

    /** True when the incident's card failed for good and no other attempt at it waits. */
    public boolean cardFailed(String incidentId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM outbox WHERE incident_id = :incident AND kind = 'post_card' AND status = 'failed'
                          AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.incident_id = :incident AND p.kind = 'post_card'
                            AND p.status = 'pending')""")
                .bind("incident", incidentId).mapTo(Long.class).one()) > 0;
    }

    /** When the oldest waiting row was written, if any waits. */
    public Optional<Instant> oldestPending() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT MIN(created_at) FROM outbox WHERE status = 'pending'")
                .mapTo(Instant.class).findOne());
    }

    public static Map<String, Object> read(String payload) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = Json.mapper().readValue(payload, Map.class);
            return map;
        } catch (JsonProcessingException e) {
            throw new ThreeAmException("outbox payload is not JSON: " + payload, e);
        }
    }

    private static String write(Map<String, ?> payload) {
        try {
            return Json.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new ThreeAmException("cannot write outbox payload " + payload, e);
        }
    }
}
