package dev.threeam.incident;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** One incident by id: the read every delivery makes, kept to one method so attaching it is cheap. */
@RegisterConstructorMapper(IncidentRows.IncidentRow.class)
interface IncidentLookup {

    @SqlQuery("SELECT * FROM incidents WHERE id = :id")
    Optional<IncidentRows.IncidentRow> findRow(@Bind("id") String id);

    default Optional<Incident> find(String id) {
        return findRow(id).map(IncidentRows.IncidentRow::incident);
    }
}
