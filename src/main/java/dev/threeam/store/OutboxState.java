package dev.threeam.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** How far behind the outbox is: for {@code /readyz} and {@code /metrics}. Only {@link Outbox} uses it. */
interface OutboxState {

    @SqlQuery("SELECT COUNT(*) FROM outbox WHERE status = :status")
    long count(@Bind("status") String status);

    @SqlQuery("""
            SELECT COUNT(*) FROM outbox WHERE incident_id = :incident AND kind = 'post_card' AND status = 'failed'
              AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.incident_id = :incident AND p.kind = 'post_card' AND p.status = 'pending')""")
    long cardFailed(@Bind("incident") String incidentId);

    @SqlQuery("SELECT id FROM outbox WHERE incident_id = :incident AND kind = 'post_card' AND status <> 'failed' ORDER BY id DESC LIMIT 1")
    Optional<Long> cardRow(@Bind("incident") String incidentId);

    @SqlQuery("SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND failures > 0")
    long retrying();

    @SqlQuery("SELECT MIN(created_at) FROM outbox WHERE status = 'pending'")
    Optional<Instant> oldestPending();
}
