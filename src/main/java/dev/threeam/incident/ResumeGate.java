package dev.threeam.incident;

import dev.threeam.common.Identified;
import java.util.Locale;

/**
 * Whether service may resume: {@code NONE} until Q4 says a human reviewer is needed, then {@code CLOSED} (resolve is
 * refused) until a member of {@code owners.reviewer} approves ({@code APPROVED}).
 */
public enum ResumeGate implements Identified {
    NONE,
    CLOSED,
    APPROVED;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The database keeps {@code NULL} for none. */
    static ResumeGate fromColumn(String value) {
        return value == null ? NONE : valueOf(value.toUpperCase(Locale.ROOT));
    }

    String column() {
        return this == NONE ? null : id();
    }
}
