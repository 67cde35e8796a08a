package dev.threeam.slack;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/**
 * How long a delivery waits after a failed try (Slack or a pager answering 5xx, timing out, not reached): exponential
 * backoff with jitter from about half a second (resilience4j's {@link IntervalFunction}, ±50 %). Cards, the most
 * urgent message 3am sends, are capped at 2.5 s, so a blip of five failures in a row costs at most about ten seconds;
 * everything else at 15 s. Nothing is given up for failing this way: it waits, counted in {@code /readyz} and
 * {@code /metrics}.
 */
final class RetrySchedule {

    private static final IntervalFunction CARDS = IntervalFunction.ofExponentialRandomBackoff(
            Duration.ofMillis(500), 2.0, 0.5, Duration.ofMillis(2500));
    private static final IntervalFunction OTHERS = IntervalFunction.ofExponentialRandomBackoff(
            Duration.ofMillis(500), 2.0, 0.5, Duration.ofSeconds(15));

    private RetrySchedule() {}

    /** The wait after the {@code failures}-th failure in a row of a row of this priority (0: a card). */
    static Duration after(int failures, int priority) {
        IntervalFunction schedule = priority == 0 ? CARDS : OTHERS;
        return Duration.ofMillis(schedule.apply(Math.max(1, Math.min(failures, 30))));
    }
}
