package dev.threeam.action;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code silences} table: at most one Alertmanager silence per incident. */
@RegisterConstructorMapper(SilenceRow.class)
interface SilenceStore {

    @SqlQuery("SELECT * FROM silences WHERE incident_id = :id")
    Optional<SilenceRow> find(@Bind("id") String incidentId);

    /** 1 when this call created the row; 0 when the incident has one already (another press got there first). */
    @SqlUpdate("""
            INSERT INTO silences (incident_id, silence_id, matchers, wanted, ends_at, silenced_until, by_user, created_by, action_key, queued)
            VALUES (:id, NULL, :matchers, 'active', :endsAt, NULL, :user, :createdBy, :key, FALSE)
            ON CONFLICT (incident_id) DO NOTHING""")
    int create(@Bind("id") String incidentId, @Bind("matchers") String matchers, @Bind("endsAt") Instant endsAt,
            @Bind("user") String user, @Bind("createdBy") String createdBy, @Bind("key") String actionKey);

    /** A later end for the incident's silence (or a new one after the last was expired, {@code keepId} false). */
    @SqlUpdate("""
            UPDATE silences SET wanted = 'active', ends_at = :endsAt, by_user = :user, created_by = :createdBy, action_key = :key,
              silence_id = CASE WHEN :keepId THEN silence_id ELSE NULL END,
              silenced_until = CASE WHEN :keepId THEN silenced_until ELSE NULL END
            WHERE incident_id = :id""")
    void extend(@Bind("id") String incidentId, @Bind("endsAt") Instant endsAt, @Bind("user") String user,
            @Bind("createdBy") String createdBy, @Bind("key") String actionKey, @Bind("keepId") boolean keepId);

    @SqlUpdate("UPDATE silences SET wanted = 'expired', action_key = :key WHERE incident_id = :id")
    void expire(@Bind("id") String incidentId, @Bind("key") String actionKey);

    /** 1 when this call queued the sync; 0 when one is on its way already (it reads the row when it runs). */
    @SqlUpdate("UPDATE silences SET queued = TRUE WHERE incident_id = :id AND NOT queued")
    int queue(@Bind("id") String incidentId);

    /**
     * The sync is over: 1 when the row still wants what the sync carried out; 0 when a choice changed it meanwhile (the
     * sync stays queued and runs again). One statement, so a choice committed while it waits for the row is seen.
     */
    @SqlUpdate("UPDATE silences SET queued = FALSE WHERE incident_id = :id AND wanted = :wanted AND ends_at = :endsAt")
    int unqueue(@Bind("id") String incidentId, @Bind("wanted") String wanted, @Bind("endsAt") Instant endsAt);

    /** Alertmanager holds silence {@code silenceId} until {@code until}. */
    @SqlUpdate("UPDATE silences SET silence_id = :silenceId, silenced_until = :until WHERE incident_id = :id")
    void held(@Bind("id") String incidentId, @Bind("silenceId") String silenceId, @Bind("until") Instant until);

    /** A choice that could not be carried out: the wanted end falls back to what Alertmanager holds. */
    @SqlUpdate("UPDATE silences SET ends_at = COALESCE(silenced_until, ends_at), wanted = CASE WHEN silence_id IS NULL THEN 'expired' ELSE wanted END"
            + " WHERE incident_id = :id")
    void fallBack(@Bind("id") String incidentId);
}
