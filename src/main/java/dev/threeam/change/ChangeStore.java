package dev.threeam.change;

import dev.threeam.common.ThreeAmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code changes} table as a JDBI SQL Object. Use the default methods, which speak {@link ChangeEvent};
 * the {@code …Row} methods are their SQL. Works the same on SQLite and PostgreSQL.
 */
@RegisterConstructorMapper(ChangeStore.Row.class)
public interface ChangeStore {

    String INSERT = "INSERT INTO changes (workflow, kind, summary, from_version, to_version, author, url, at, source,"
            + " external_id, recorded_at) VALUES (:workflow, :kind, :summary, :fromVersion, :toVersion, :author, :url,"
            + " :at, :source, :externalId, :recordedAt)";
    String SELECT = "SELECT id, workflow, kind, summary, from_version, to_version, author, url, at, source,"
            + " external_id FROM changes";

    /** Stores {@code change} and returns its new id. */
    default long insert(ChangeEvent change, Instant recordedAt) {
        return insertRow(Row.of(change), recordedAt);
    }

    /** Stores {@code change} unless one with its external id is stored already; true when it was new. */
    default boolean insertIfAbsent(ChangeEvent change, Instant recordedAt) {
        if (change.externalId() == null) {
            throw new ThreeAmException("insertIfAbsent needs a change with an external id, got " + change);
        }
        return insertRowIfAbsent(Row.of(change), recordedAt) == 1;
    }

    default Optional<ChangeEvent> find(long id) {
        return findRow(id).map(Row::toChange);
    }

    /** Changes of {@code workflow} that took effect within [since, until], newest first, at most {@code limit}. */
    default List<ChangeEvent> between(String workflow, Instant since, Instant until, int limit) {
        return betweenRows(workflow, since, until, limit).stream().map(Row::toChange).toList();
    }

    @SqlUpdate(INSERT)
    @GetGeneratedKeys("id")
    long insertRow(@BindMethods Row row, @Bind("recordedAt") Instant recordedAt);

    /** {@code ON CONFLICT … DO NOTHING}: SQLite (3.24+) and PostgreSQL both read it; 0 rows when already there. */
    @SqlUpdate(INSERT + " ON CONFLICT (external_id) DO NOTHING")
    int insertRowIfAbsent(@BindMethods Row row, @Bind("recordedAt") Instant recordedAt);

    @SqlQuery(SELECT + " WHERE id = :id")
    Optional<Row> findRow(@Bind("id") long id);

    @SqlQuery(SELECT + " WHERE workflow = :workflow AND at >= :since AND at <= :until ORDER BY at DESC, id DESC"
            + " LIMIT :limit")
    List<Row> betweenRows(@Bind("workflow") String workflow, @Bind("since") Instant since,
                          @Bind("until") Instant until, @Bind("limit") int limit);

    /** One row of {@code changes} as stored: the kind as its id. */
    record Row(Long id, String workflow, String kind, String summary, String fromVersion, String toVersion,
               String author, String url, Instant at, String source, String externalId) {

        static Row of(ChangeEvent change) {
            return new Row(change.id(), change.workflow(), change.kind().id(), change.summary(), change.from(),
                    change.to(), change.author(), change.url(), change.at(), change.source(), change.externalId());
        }

        ChangeEvent toChange() {
            ChangeKind changeKind = ChangeKind.fromId(kind).orElseThrow(() -> new ThreeAmException(
                    "changes row " + id + ": unknown kind \"" + kind + "\"; expected one of " + ChangeKind.allIds()));
            return new ChangeEvent(id, workflow, changeKind, summary, fromVersion, toVersion, author, url, at, source,
                    externalId);
        }
    }
}
