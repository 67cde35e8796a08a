package dev.threeam.store;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code replicas} table. Only {@link Replica} uses it. */
interface ReplicaStore {

    @SqlUpdate("INSERT INTO replicas (id, started_at, heartbeat_at) VALUES (:id, :now, :now)")
    void register(@Bind("id") String id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE replicas SET heartbeat_at = :now WHERE id = :id")
    int beat(@Bind("id") String id, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM replicas WHERE id = :id")
    void leave(@Bind("id") String id);

    /** Forgets replicas silent since {@code before} (their rows were free long ago). */
    @SqlUpdate("DELETE FROM replicas WHERE heartbeat_at < :before")
    int forget(@Bind("before") Instant before);
}
