package dev.threeam.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.signal.Hysteresis.Event;
import dev.threeam.signal.Hysteresis.Phase;
import dev.threeam.signal.Threshold.Verdict;
import dev.threeam.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A breach must last the hold to fire; health must last it to resolve; no data changes nothing. */
class HysteresisTest {

    static final Duration HOLD = Duration.ofMinutes(2);
    final MutableClock clock = MutableClock.at("2026-11-28T02:00:00Z");
    Hysteresis.State state;

    Event see(Verdict verdict) {
        Hysteresis.Step step = Hysteresis.step(state, verdict, clock.instant(), HOLD);
        state = step.state();
        return step.event();
    }

    @Test
    void a_breach_fires_once_it_has_lasted_the_hold_and_only_once() {
        assertThat(see(Verdict.BREACH)).isEqualTo(Event.NONE);
        assertThat(state.phase()).isEqualTo(Phase.PENDING);
        clock.advance(Duration.ofSeconds(119));
        assertThat(see(Verdict.BREACH)).isEqualTo(Event.NONE);
        clock.advance(Duration.ofSeconds(1));
        assertThat(see(Verdict.BREACH)).isEqualTo(Event.FIRE);
        clock.advance(Duration.ofMinutes(5));
        assertThat(see(Verdict.BREACH)).isEqualTo(Event.NONE);
        assertThat(state.phase()).isEqualTo(Phase.FIRING);
        assertThat(state.breachStarted()).isEqualTo(java.time.Instant.parse("2026-11-28T02:00:00Z"));
    }

    @Test
    void a_breach_that_ends_before_the_hold_never_fires() {
        see(Verdict.BREACH);
        clock.advance(Duration.ofMinutes(1));
        assertThat(see(Verdict.HEALTHY)).isEqualTo(Event.NONE);
        assertThat(state).isNull();
        clock.advance(Duration.ofMinutes(1));
        assertThat(see(Verdict.BREACH)).isEqualTo(Event.NONE); // the hold starts over
        clock.advance(Duration.ofMinutes(1));
        assertThat(see(Verdict.BREACH)).isEqualTo(Event.NONE);
    }

    @Test
    void a_firing_breach_resolves_only_after_health_lasts_the_hold() {
        fire();
        assertThat(see(Verdict.HEALTHY)).isEqualTo(Event.NONE);
        assertThat(state.phase()).isEqualTo(Phase.RECOVERING);
        clock.advance(Duration.ofMinutes(1));
        assertThat(see(Verdict.BREACH)).isEqualTo(Event.NONE); // relapse: still firing, no second alert
        assertThat(state.phase()).isEqualTo(Phase.FIRING);
        assertThat(see(Verdict.HEALTHY)).isEqualTo(Event.NONE);
        clock.advance(HOLD);
        assertThat(see(Verdict.HEALTHY)).isEqualTo(Event.RESOLVE);
        assertThat(state).isNull();
    }

    @Test
    void too_few_samples_leave_the_state_where_it_was() {
        fire();
        clock.advance(Duration.ofHours(1));
        assertThat(see(Verdict.NO_DATA)).isEqualTo(Event.NONE);
        assertThat(state.phase()).isEqualTo(Phase.FIRING);
        state = null;
        assertThat(see(Verdict.NO_DATA)).isEqualTo(Event.NONE);
        assertThat(state).isNull();
    }

    @Test
    void a_zero_hold_fires_and_resolves_at_once() {
        assertThat(Hysteresis.step(null, Verdict.BREACH, clock.instant(), Duration.ZERO).event()).isEqualTo(Event.FIRE);
        Hysteresis.State firing = new Hysteresis.State(Phase.FIRING, clock.instant(), clock.instant());
        assertThat(Hysteresis.step(firing, Verdict.HEALTHY, clock.instant(), Duration.ZERO).event()).isEqualTo(Event.RESOLVE);
    }

    private void fire() {
        see(Verdict.BREACH);
        clock.advance(HOLD);
        assertThat(see(Verdict.BREACH)).isEqualTo(Event.FIRE);
    }
}
