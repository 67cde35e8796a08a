package dev.threeam.incident;

import dev.threeam.common.Sentence;
import java.util.List;

/** What happened on the way to Slack, and a drill's score. */
public final class DeliveryFacts {

    private DeliveryFacts() {}

    public record ThreadMoved(String from, String to, String code) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Could not post in the runbook's channel ").quote(from).then(" (" + code + "); the thread moved to ")
                    .quote(to);
        }
    }

    /** A delivery given up for good ({@code kind}: what it was, e.g. {@code post reply}). */
    public record DeliveryFailed(String kind, String message) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Delivery failed for good (" + kind + "): ").quote(message, 500);
        }
    }

    /** A drill was scored; {@code scorecard} is the card the thread shows. */
    public record DrillScored(boolean passed, List<String> misses, Sentence scorecard) implements Fact {
        public DrillScored {
            misses = List.copyOf(misses);
        }

        @Override
        public Sentence sentence() {
            return Sentence.of("DRILL scorecard: " + (passed ? "passed" : "not passed"))
                    .then(misses.isEmpty() ? Sentence.empty() : Sentence.of(" — ").quote(String.join("; ", misses)));
        }
    }
}
