package dev.threeam.action;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The durations "Silence at the source" offers; anything else is refused. */
public enum SilenceDuration {
    MINUTES_30("30m", Duration.ofMinutes(30)),
    HOURS_2("2h", Duration.ofHours(2)),
    HOURS_8("8h", Duration.ofHours(8));

    private final String id;
    private final Duration length;

    SilenceDuration(String id, Duration length) {
        this.id = id;
        this.length = length;
    }

    /** {@code 30m}, {@code 2h}, {@code 8h}: the select's option values. */
    public String id() {
        return id;
    }

    public Duration length() {
        return length;
    }

    public static Optional<SilenceDuration> fromId(String id) {
        return Arrays.stream(values()).filter(duration -> duration.id.equals(id)).findFirst();
    }

    /** {@code 30m, 2h or 8h}, for refusals. */
    public static String choices() {
        return "30m, 2h or 8h";
    }
}
