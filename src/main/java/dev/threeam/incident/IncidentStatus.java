package dev.threeam.incident;

import java.util.Locale;

/** {@code triggered → acknowledged → mitigated → resolved}; any open state may go straight to resolved. */
public enum IncidentStatus {
    TRIGGERED,
    ACKNOWLEDGED,
    MITIGATED,
    RESOLVED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean open() {
        return this != RESOLVED;
    }

    /** Whether moving from this state to {@code next} is a step forward the lifecycle allows. */
    public boolean canMoveTo(IncidentStatus next) {
        return open() && next.ordinal() > ordinal();
    }

    public static IncidentStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
