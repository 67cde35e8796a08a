package dev.threeam.alert;

import dev.threeam.common.Identified;

/** What the source says about one alert at the moment it was sent. */
public enum AlertStatus implements Identified {
    FIRING,
    RESOLVED;

    @Override
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
