package dev.threeam.incident;

import dev.threeam.classify.FailureType;
import dev.threeam.common.Sentence;
import dev.threeam.common.Text;
import java.time.Duration;

/** What alerts did to an incident: opened it, joined it, fired again, resolved at their source, reopened it. */
public final class AlertFacts {

    /** Outside titles are cut to this in sentences. */
    static final int TITLE = 300;

    private AlertFacts() {}

    public record Opened(String source, String title, FailureType failureType, String evidence) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Opened from " + source + " alert \"").quote(title, TITLE).then("\"; classified as "
                    + failureType.id() + " (").quote(evidence, 500).then(")");
        }
    }

    public record NoRunbook(String note) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("No runbook matched: ").quote(note, 500);
        }
    }

    /** {@code by}: who started it, or {@link TimelineEntry#API} for a drill started through {@code POST /api/drills}. */
    public record DrillStarted(String by, String workflow, String title, FailureType classifiedAs) implements Fact {
        @Override
        public Sentence sentence() {
            Sentence started = TimelineEntry.API.equals(by) ? Sentence.of("DRILL started through the API")
                    : Sentence.of("DRILL started by ").person(by);
            return started.then(" for ").quote(workflow).then(": a synthetic alert \"")
                    .quote(title, TITLE).then("\"; classified as " + classifiedAs.id()
                            + ". Nothing will be paged or rolled back for real.");
        }
    }

    /** One or more new alerts joined (a storm reads as one entry per incident per card interval). */
    public record AlertsJoined(long count, String firstTitle) implements Fact {
        @Override
        public Sentence sentence() {
            return count == 1 ? Sentence.of("Alert \"").quote(firstTitle, TITLE).then("\" joined the incident")
                    : Sentence.of(count + " alerts joined the incident (first: \"").quote(firstTitle, TITLE).then("\")");
        }

        AlertsJoined plus(long more) {
            return new AlertsJoined(count + more, firstTitle);
        }
    }

    public record AlertFiredAgain(String title) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Alert \"").quote(title, TITLE).then("\" fired again");
        }
    }

    public record AlertsResolved(long count, String firstTitle) implements Fact {
        @Override
        public Sentence sentence() {
            return count == 1 ? Sentence.of("Alert \"").quote(firstTitle, TITLE).then("\" resolved at the source")
                    : Sentence.of(count + " alerts resolved at the source (first: \"").quote(firstTitle, TITLE).then("\")");
        }
    }

    public record Reopened(String title, long secondsAfterResolution, long flapWindowSeconds) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Reopened: \"").quote(title, TITLE).then("\" fired again "
                    + Text.minutes(Duration.ofSeconds(secondsAfterResolution)) + " after resolution (flap window "
                    + Text.minutes(Duration.ofSeconds(flapWindowSeconds)) + ")");
        }
    }

    /** Every alert resolved at its source; {@code waitingForReviewer} when the resume gate holds resolution. */
    public record AllAlertsResolved(boolean waitingForReviewer) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of(waitingForReviewer
                    ? "Every alert resolved at its source; resolution waits for the reviewer's approval"
                    : "Every alert resolved at its source: incident resolved");
        }
    }
}
