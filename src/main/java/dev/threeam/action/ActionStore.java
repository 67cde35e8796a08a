package dev.threeam.action;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code actions} table: one row per action key, so an action runs at most once per incident. */
@RegisterConstructorMapper(ActionRecord.class)
interface ActionStore {

    /** 1 when this call created the row; 0 when someone (a double click, a retry, another replica) already did. */
    @SqlUpdate("""
            INSERT INTO actions (incident_id, action_key, kind, target, by_user, status, at, detail, allowed)
            VALUES (:incident, :key, :kind, :target, :user, 'in_flight', :at, :detail, :allowed)
            ON CONFLICT (action_key) DO NOTHING""")
    int claim(@Bind("incident") String incidentId, @Bind("key") String key, @Bind("kind") ActionKind kind,
            @Bind("target") String target, @Bind("user") String user, @Bind("at") Instant at, @Bind("detail") String detail,
            @Bind("allowed") Boolean allowed);

    @SqlUpdate("UPDATE actions SET status = :status, detail = :detail, finished_at = :at WHERE action_key = :key")
    void finish(@Bind("key") String key, @Bind("status") ActionStatus status, @Bind("detail") String detail, @Bind("at") Instant at);

    /** Every choice of an incident's silence still in flight comes out as its one sync did. */
    @SqlUpdate("UPDATE actions SET status = :status, detail = :detail, finished_at = :at WHERE incident_id = :id AND kind = 'silence'"
            + " AND status = 'in_flight'")
    void finishSilences(@Bind("id") String incidentId, @Bind("status") ActionStatus status, @Bind("detail") String detail,
            @Bind("at") Instant at);

    /** A failed action taken up again; 0 when it is not failed (any more). */
    @SqlUpdate("UPDATE actions SET status = 'in_flight', by_user = :user, retrying_since = NULL WHERE action_key = :key AND status = 'failed'")
    int retry(@Bind("key") String key, @Bind("user") String user);

    /** Its service did not answer: 1 the first time (the thread hears of it once), 0 when it was already retrying. */
    @SqlUpdate("UPDATE actions SET retrying_since = :now WHERE action_key = :key AND retrying_since IS NULL")
    int startRetrying(@Bind("key") String key, @Bind("now") Instant now);

    @SqlQuery("SELECT retrying_since FROM actions WHERE action_key = :key")
    Optional<Instant> retryingSince(@Bind("key") String key);

    @SqlQuery("SELECT * FROM actions WHERE action_key = :key")
    Optional<ActionRecord> find(@Bind("key") String key);

    @SqlQuery("SELECT * FROM actions WHERE incident_id = :id ORDER BY id")
    List<ActionRecord> forIncident(@Bind("id") String incidentId);
}
