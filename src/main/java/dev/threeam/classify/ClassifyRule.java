package dev.threeam.classify;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A rule a runbook adds for its workflow ({@code classify:} in the front matter): when every pattern matches,
 * the alert is of {@code failureType}. Keys are label names, or {@code text} for the title and annotations.
 */
public record ClassifyRule(FailureType failureType, Map<String, Pattern> match) {

    public ClassifyRule {
        match = Map.copyOf(match);
    }
}
