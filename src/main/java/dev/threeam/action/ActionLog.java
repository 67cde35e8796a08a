package dev.threeam.action;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Reads the audit trail of actions. */
public final class ActionLog {

    private final Jdbi jdbi;

    public ActionLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<ActionRecord> forIncident(String incidentId) {
        return jdbi.withExtension(ActionStore.class, store -> store.forIncident(incidentId));
    }
}
