package dev.threeam.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What 3am says about a failing Slack: each failing method once a minute, a refused token once, loudly. */
class SlackHealthTest {

    MutableClock clock = MutableClock.at("2026-11-28T03:00:00Z");
    SlackHealth health = new SlackHealth(clock);

    @Test
    void a_failing_method_is_logged_at_once_then_at_most_once_a_minute_with_its_error() {
        assertThat(health.failed("chat.postMessage", "HTTP 500")).isTrue();
        clock.advance(Duration.ofSeconds(20));
        assertThat(health.failed("chat.postMessage", "HTTP 503")).isFalse();
        assertThat(health.failed("chat.update", "HTTP 503")).as("another method is its own line").isTrue();
        clock.advance(Duration.ofSeconds(41));
        assertThat(health.failed("chat.postMessage", "timeout: read timed out")).isTrue();

        assertThat(health.failingMethods().get("chat.postMessage"))
                .containsEntry("error", "timeout: read timed out").containsEntry("failures", 3L)
                .containsEntry("since", "2026-11-28T03:00:00Z");
    }

    @Test
    void a_method_that_works_again_is_no_longer_failing() {
        health.failed("chat.postMessage", "HTTP 500");

        health.succeeded("chat.postMessage");

        assertThat(health.failingMethods()).isEmpty();
        assertThat(health.failed("chat.postMessage", "HTTP 500")).as("a new failure is news again").isTrue();
    }

    @Test
    void a_refused_token_is_said_once_and_holds_deliveries_but_one_a_minute() {
        assertThat(health.mayCall()).isTrue();

        assertThat(health.refusedToken("chat.postMessage", "token_revoked")).isTrue();
        assertThat(health.refusedToken("chat.update", "token_revoked")).isFalse();

        assertThat(health.tokenProblem()).hasValue("token_revoked");
        assertThat(health.mayCall()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(health.mayCall()).as("one delivery a minute tries again").isTrue();
        assertThat(health.mayCall()).isFalse();

        health.succeeded("chat.postMessage");
        assertThat(health.tokenProblem()).isEmpty();
        assertThat(health.mayCall()).isTrue();
    }
}
