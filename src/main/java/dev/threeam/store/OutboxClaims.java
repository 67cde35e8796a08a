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

/** What the outbox workers do with rows: claim them under a lease, renew, count attempts, finish. Only {@link Outbox} uses it. */
@RegisterConstructorMapper(OutboxMessage.class)
interface OutboxClaims {

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
}
