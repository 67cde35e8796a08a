package dev.threeam.incident;

import dev.threeam.common.Sentence;
import dev.threeam.common.Text;
import java.time.Duration;

/** People moving an incident through its lifecycle, and presses that changed nothing. */
public final class LifecycleFacts {

    private LifecycleFacts() {}

    public record Acknowledged(String by) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Acknowledged by ").person(by);
        }
    }

    public record Mitigated(String by) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Marked mitigated by ").person(by);
        }
    }

    public record Resolved(String by, long secondsOpen) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Resolved by ").person(by).then(" after " + Text.minutes(Duration.ofSeconds(secondsOpen)));
        }
    }

    public record ResolveRefused(String by) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Resolve by ").person(by).then(" refused: the resume gate is closed");
        }
    }

    public record ResumeApproved(String by) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Resume approved by ").person(by);
        }
    }

    public record ApproveRefused(String by) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Approve resume by ").person(by).then(" refused: not a reviewer");
        }
    }

    public record DrillEnded(String reason) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("DRILL ended: " + reason);
        }
    }

    /** A press that changed nothing ("already …") stays on the record: who pressed what, and what they were told. */
    public record PressIgnored(String by, String label, Sentence told) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.empty().person(by).then(" pressed \"").quote(label, 75).then("\": ").then(told);
        }
    }
}
