package dev.threeam.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The timeline: one fact per row, its kind and fields as JSON, and a plain rendering for people reading the database. */
@RegisterConstructorMapper(IncidentRows.TimelineRow.class)
interface TimelineStore {

    @SqlQuery("""
            INSERT INTO timeline (incident_id, at, actor, kind, facts, text) VALUES (:id, :at, :actor, :kind, :facts, :text)
            RETURNING id""")
    long add(@Bind("id") String incidentId, @Bind("at") Instant at, @Bind("actor") String actor, @Bind("kind") String kind,
            @Bind("facts") String facts, @Bind("text") String text);

    @SqlUpdate("UPDATE timeline SET facts = :facts, text = :text WHERE id = :entry")
    void rewrite(@Bind("entry") long entryId, @Bind("facts") String facts, @Bind("text") String text);

    @SqlBatch("INSERT INTO timeline (incident_id, at, actor, kind, facts, text) VALUES (:id, :at, :actor, :kind, :facts, :text)")
    void addAll(@Bind("id") List<String> incidentIds, @Bind("at") Instant at, @Bind("actor") String actor, @Bind("kind") List<String> kinds,
            @Bind("facts") List<String> facts, @Bind("text") List<String> texts);

    @SqlBatch("UPDATE timeline SET facts = :facts, text = :text WHERE id = :entry")
    void rewriteAll(@Bind("entry") List<Long> entryIds, @Bind("facts") List<String> facts, @Bind("text") List<String> texts);

    @SqlQuery("SELECT * FROM timeline WHERE incident_id IN (<ids>) AND kind = :kind AND at >= :since")
    List<IncidentRows.TimelineRow> latestRows(@BindList("ids") List<String> incidentIds, @Bind("kind") String kind,
            @Bind("since") Instant since);

    @SqlQuery("SELECT * FROM timeline WHERE incident_id = :id ORDER BY id")
    List<IncidentRows.TimelineRow> timelineRows(@Bind("id") String incidentId);

    @SqlQuery("SELECT * FROM timeline WHERE id = :entry")
    Optional<IncidentRows.TimelineRow> entryRow(@Bind("entry") long entryId);

    /** The latest entry of this kind written since {@code since}: a storm's "alerts joined" grows in place. */
    @SqlQuery("SELECT * FROM timeline WHERE incident_id = :id AND kind = :kind AND at >= :since ORDER BY id DESC LIMIT 1")
    Optional<IncidentRows.TimelineRow> latestRow(@Bind("id") String incidentId, @Bind("kind") String kind, @Bind("since") Instant since);

    default List<TimelineEntry> timeline(String incidentId) {
        return timelineRows(incidentId).stream().map(IncidentRows.TimelineRow::entry).toList();
    }

    default Optional<TimelineEntry> entry(long entryId) {
        return entryRow(entryId).map(IncidentRows.TimelineRow::entry);
    }

    /** The entries of this kind written since {@code since} for these incidents. */
    default List<TimelineEntry> latestOfKind(List<String> incidentIds, String kind, Instant since) {
        return latestRows(incidentIds, kind, since).stream().map(IncidentRows.TimelineRow::entry).toList();
    }

    default Optional<TimelineEntry> latest(String incidentId, String kind, Instant since) {
        return latestRow(incidentId, kind, since).map(IncidentRows.TimelineRow::entry);
    }
}
