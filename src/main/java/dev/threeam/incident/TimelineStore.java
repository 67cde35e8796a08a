package dev.threeam.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
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

    default Optional<TimelineEntry> latest(String incidentId, String kind, Instant since) {
        return latestRow(incidentId, kind, since).map(IncidentRows.TimelineRow::entry);
    }
}
