package dev.threeam.check;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code check} was asked.
 *
 * @param dir           the runbooks folder; null means {@code RUNBOOKS_DIR} (default {@code runbooks})
 * @param strictEnv     a {@code ${NAME}} whose variable is not set is an error, not a warning
 * @param requireDrills a failure type without a passed drill in the last 90 days is not ready
 */
public record CheckRequest(Path dir, CheckFormat format, boolean strictEnv, boolean requireDrills) {

    public CheckRequest {
        Objects.requireNonNull(format, "format");
    }
}
