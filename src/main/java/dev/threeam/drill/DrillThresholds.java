package dev.threeam.drill;

import java.time.Duration;

/**
 * What a passed drill is: acknowledged within {@code ackWithin}; all five questions answered and the right rollback
 * pressed by an allowed person within {@code passWithin}. A drill still open after {@code timeLimit} ends.
 */
public record DrillThresholds(Duration ackWithin, Duration passWithin, Duration timeLimit) {

    public static final DrillThresholds DEFAULT = new DrillThresholds(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30));
}
