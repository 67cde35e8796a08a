package dev.threeam.change;

import java.util.Objects;

/**
 * A change in the order an on-call should suspect it, with why it stands there
 * ("retrieval_index changes come first for retrieval failures").
 */
public record RankedChange(ChangeEvent change, String reason) {

    public RankedChange {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(reason, "reason");
    }
}
