package dev.threeam.action;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Reads the audit trail of actions. */
public final class ActionLog {

    private final Jdbi jdbi;

    public ActionLog(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(ConstructorMapper.factory(ActionRecord.class));
    }

    public List<ActionRecord> forIncident(String incidentId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM actions WHERE incident_id = :id ORDER BY id")
                .bind("id", incidentId).mapTo(ActionRecord.class).list());
    }
}
