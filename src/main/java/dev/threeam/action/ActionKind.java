package dev.threeam.action;

import dev.threeam.common.Identified;
import java.util.Locale;

/** What an action does to the world. */
public enum ActionKind implements Identified {
    PAGE,
    ROLLBACK,
    EVAL,
    SILENCE;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
