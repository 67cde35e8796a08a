package dev.threeam.alert;

/** What the source says about one alert at the moment it was sent. */
public enum AlertStatus {
    FIRING,
    RESOLVED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
