package dev.threeam.signal;

import java.time.Duration;
import java.time.Instant;

/**
 * When a threshold's breach becomes an alert, and when it ends: a breach must last {@code holdFor} to fire, and
 * once firing the value must be back within threshold for {@code holdFor} to resolve. A window with too few samples
 * says nothing: the threshold stays where it was.
 */
final class Hysteresis {

    enum Phase { PENDING, FIRING, RECOVERING }

    /** Where a threshold stands; absent (null) means within threshold. */
    record State(Phase phase, Instant since, Instant breachStarted) {}

    enum Event { NONE, FIRE, RESOLVE }

    /** The next state (null: within threshold) and what to tell the incident side. */
    record Step(State state, Event event) {}

    private Hysteresis() {}

    static Step step(State state, Threshold.Verdict verdict, Instant now, Duration holdFor) {
        if (verdict == Threshold.Verdict.NO_DATA) {
            return new Step(state, Event.NONE);
        }
        boolean breach = verdict == Threshold.Verdict.BREACH;
        if (state == null) {
            return breach ? pending(new State(Phase.PENDING, now, now), now, holdFor) : new Step(null, Event.NONE);
        }
        return switch (state.phase()) {
            case PENDING -> breach ? pending(state, now, holdFor) : new Step(null, Event.NONE);
            case FIRING -> breach ? new Step(state, Event.NONE) : recovering(new State(Phase.RECOVERING, now, state.breachStarted()), now, holdFor);
            case RECOVERING -> breach ? new Step(new State(Phase.FIRING, now, state.breachStarted()), Event.NONE)
                    : recovering(state, now, holdFor);
        };
    }

    private static Step pending(State state, Instant now, Duration holdFor) {
        if (!now.isBefore(state.since().plus(holdFor))) {
            return new Step(new State(Phase.FIRING, now, state.breachStarted()), Event.FIRE);
        }
        return new Step(state, Event.NONE);
    }

    private static Step recovering(State state, Instant now, Duration holdFor) {
        if (!now.isBefore(state.since().plus(holdFor))) {
            return new Step(null, Event.RESOLVE);
        }
        return new Step(state, Event.NONE);
    }
}
