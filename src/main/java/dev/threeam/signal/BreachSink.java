package dev.threeam.signal;

import dev.threeam.alert.Alert;
import java.util.List;

/** Where breaches go: the same intake as every other alert source. */
@FunctionalInterface
public interface BreachSink {
    void raise(List<Alert> alerts);
}
