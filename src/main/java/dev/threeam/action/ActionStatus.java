package dev.threeam.action;

import dev.threeam.common.Identified;
import java.util.Locale;

/**
 * Where an action stands: {@code in_flight}, {@code done}, {@code failed}, or {@code would_have} in a drill or in
 * sandbox mode, where nothing outside 3am is called.
 */
public enum ActionStatus implements Identified {
    IN_FLIGHT,
    DONE,
    FAILED,
    WOULD_HAVE;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
