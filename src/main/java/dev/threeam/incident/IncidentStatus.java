package dev.threeam.incident;

import dev.threeam.common.Identified;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** {@code triggered → acknowledged → mitigated → resolved}; any open state may go straight to resolved. */
public enum IncidentStatus implements Identified {
    TRIGGERED,
    ACKNOWLEDGED,
    MITIGATED,
    RESOLVED;

    @Override
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

    public static Optional<IncidentStatus> fromId(String id) {
        return Arrays.stream(values()).filter(status -> status.id().equalsIgnoreCase(String.valueOf(id).trim())).findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}
