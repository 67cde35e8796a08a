package dev.threeam.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The outbox table. Only {@link Outbox} uses it. */
@RegisterConstructorMapper(OutboxMessage.class)
interface OutboxStore {

    @SqlUpdate("""
            INSERT INTO outbox (incident_id, kind, priority, payload, status, attempts, not_before, created_at)
            VALUES (:incident, :kind, :priority, :payload, 'pending', 0, :at, :at)""")
    void enqueue(@Bind("incident") String incidentId, @Bind("kind") String kind, @Bind("priority") int priority,
            @Bind("payload") String payload, @Bind("at") Instant at);

    /** The one pending redraw of a card: a change meanwhile rides on it, or (while it is being sent) asks for one more. */
    @UseClasspathSqlLocator
    @SqlUpdate
    void redrawCard(@Bind("incident") String incidentId, @Bind("priority") int priority, @Bind("key") String key,
            @Bind("notBefore") Instant notBefore, @Bind("now") Instant now);

    @UseClasspathSqlLocator
    @SqlQuery
    List<OutboxMessage> claim(@BindList("kinds") Collection<String> kinds, @Bind("replica") String replica, @Bind("worker") String worker,
            @Bind("until") Instant until, @Bind("now") Instant now, @Bind("alive") Instant aliveSince, @Bind("limit") int limit,
            @Define("ordered") String ordered, @Define("blocking") String blocking, @Define("lock") String lock);

    @SqlUpdate("UPDATE outbox SET claimed_until = :until WHERE id = :id AND claimed_by = :worker AND status = 'pending'")
    int renew(@Bind("id") long id, @Bind("worker") String worker, @Bind("until") Instant until);

    @SqlUpdate("UPDATE outbox SET attempts = attempts + 1 WHERE id = :id")
    void markAttempt(@Bind("id") long id);

    @SqlQuery("SELECT payload FROM outbox WHERE id = :id")
    Optional<String> payload(@Bind("id") long id);

    @SqlUpdate("""
            UPDATE outbox SET status = 'done', claimed_by = NULL, replica = NULL, claimed_until = NULL, last_error = NULL, coalesce_key = NULL
            WHERE id = :id""")
    void done(@Bind("id") long id);

    @SqlUpdate("""
            UPDATE outbox SET not_before = :notBefore, claimed_by = NULL, replica = NULL, claimed_until = NULL, last_error = :error,
              failures = failures + :delta
            WHERE id = :id""")
    void retryAt(@Bind("id") long id, @Bind("notBefore") Instant notBefore, @Bind("error") String error, @Bind("delta") int delta);

    @SqlUpdate("""
            UPDATE outbox SET status = 'failed', claimed_by = NULL, replica = NULL, claimed_until = NULL, last_error = :error, coalesce_key = NULL
            WHERE id = :id""")
    void fail(@Bind("id") long id, @Bind("error") String error);

    @SqlQuery("SELECT COUNT(*) FROM outbox WHERE status = :status")
    long count(@Bind("status") String status);

    @SqlQuery("""
            SELECT COUNT(*) FROM outbox WHERE incident_id = :incident AND kind = 'post_card' AND status = 'failed'
              AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.incident_id = :incident AND p.kind = 'post_card' AND p.status = 'pending')""")
    long cardFailed(@Bind("incident") String incidentId);

    @SqlQuery("SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND failures > 0")
    long retrying();

    @SqlQuery("SELECT MIN(created_at) FROM outbox WHERE status = 'pending'")
    Optional<Instant> oldestPending();
}
