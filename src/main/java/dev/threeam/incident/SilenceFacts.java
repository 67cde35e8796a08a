package dev.threeam.incident;

import dev.threeam.common.Sentence;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** "Silence at the source": an Alertmanager silence chosen from the card, refused, created or extended, expired. */
public final class SilenceFacts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SilenceFacts() {}

    /** How asking Alertmanager came out: done, failed (refused or given up), a drill, or sandbox mode's would-be call. */
    public enum Result { DONE, FAILED, WOULD_HAVE, WOULD_CALL }

    /** When a silence ends, as the thread says it. */
    public static String when(Instant at) {
        return WHEN.format(at);
    }

    /** Someone chose a duration; {@code matchers} as {@code alertname="X", workflow="y"}. */
    public record SilenceChosen(String by, String duration, Instant endsAt, String matchers, boolean drill, boolean allowed)
            implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Silence at the source for " + duration + " (until " + when(endsAt) + ") chosen by ").person(by)
                    .then(" on ").quote(matchers, 500)
                    .then(drill ? allowed ? " (drill; allowed)" : " (drill; would NOT have been allowed)" : "");
        }
    }

    public record SilenceRefused(String by, String duration) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Silence for " + duration + " by ").person(by).then(" refused: not allowed");
        }
    }

    /**
     * Alertmanager answered (or, in a drill or sandbox mode, would have been asked). {@code extended}: the incident's
     * one silence got a later end; {@code detail}: Alertmanager's answer, or the call that would have been made.
     */
    public record SilenceFinished(Result result, String silenceId, Instant endsAt, String matchers, boolean extended, String detail,
            boolean realFromSandbox) implements Fact {
        @Override
        public Sentence sentence() {
            Sentence said = switch (result) {
                case DONE -> Sentence.of((extended ? "Alertmanager silence extended until " : "Alertmanager silence created until ")
                        + when(endsAt) + ": ").quote(matchers, 500).then(" (silence " + silenceId + ")").tone(Sentence.Tone.DONE);
                case FAILED -> Sentence.of("Could not silence at the source: ").quote(detail, 900)
                        .then(silenceId == null ? ". Nothing was silenced." : ". The silence " + silenceId + " keeps its earlier end.")
                        .tone(Sentence.Tone.FAILED);
                case WOULD_HAVE -> Sentence.of("Would have silenced ").quote(matchers, 500).then(" in Alertmanager until " + when(endsAt)
                        + " (a drill: nothing is called)");
                case WOULD_CALL -> Sentence.empty().strong("Sandbox").then(": would silence at the source by calling ").quote(detail, 1500)
                        .then(". Nothing was called (SANDBOX_REAL_CALLS=true makes real calls).").tone(Sentence.Tone.INFO);
            };
            return realFromSandbox && (result == Result.DONE || result == Result.FAILED)
                    ? Sentence.empty().strong("REAL").then(" call from sandbox mode: ").then(said) : said;
        }
    }

    /** The incident resolved: its silence expired in Alertmanager (or could not be, {@code detail} says why). */
    public record SilenceExpired(String silenceId, boolean done, String detail) implements Fact {
        @Override
        public Sentence sentence() {
            return done ? Sentence.of("Alertmanager silence " + silenceId + " expired: the incident is resolved.").tone(Sentence.Tone.DONE)
                    : Sentence.of("Could not expire Alertmanager silence " + silenceId + ": ").quote(detail, 900)
                            .then(". It ends on its own at its end time.").tone(Sentence.Tone.FAILED);
        }
    }
}
