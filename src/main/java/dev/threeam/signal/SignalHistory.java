package dev.threeam.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * One threshold's measure minute by minute, as the evaluator compared it (each point reads the threshold's window
 * ending at that minute): what a chart of the signal draws, with the threshold and when its breach began.
 *
 * @param measure       what is measured, in words: {@code tokens per hour}, {@code p95 latency}, {@code mean helpfulness}
 * @param points        oldest first, one a minute up to now; a value is NaN where the window held too few samples
 * @param breachStarted when the threshold's current breach began (pending, firing or recovering), or null when it
 *                      is within threshold
 */
public record SignalHistory(String workflow, String threshold, String measure, Unit unit, Comparison comparison,
                            Duration window, List<Point> points, Instant breachStarted) {

    /** A measure at the end of a minute (the last point: now). */
    public record Point(Instant at, double value) {
        public boolean known() {
            return !Double.isNaN(value);
        }
    }

    /** How the measure's numbers read: {@code $212}, {@code 4.2M}, {@code 6.3 s}, {@code 0.62}, {@code 12%}. */
    public enum Unit {
        USD, TOKENS, SECONDS, SCORE, RATIO;

        public String format(double value) {
            if (Double.isNaN(value)) {
                return "no data";
            }
            return switch (this) {
                case USD -> Numbers.usd(value);
                case TOKENS -> Numbers.count(value);
                case SECONDS -> Numbers.seconds(value);
                case SCORE -> Numbers.score(value);
                case RATIO -> Numbers.percent(value);
            };
        }
    }

    public SignalHistory {
        Objects.requireNonNull(comparison, "comparison");
        points = List.copyOf(points);
    }

    /** The threshold as a person reads it: {@code <= 3M}, {@code >= 0.75}, {@code < 5%}. */
    public String limitText() {
        return comparison.operator() + " " + unit.format(comparison.limit());
    }

    /** The last point with a value, if any. */
    public OptionalInt lastKnown() {
        return IntStream.iterate(points.size() - 1, index -> index >= 0, index -> index - 1)
                .filter(index -> points.get(index).known()).findFirst();
    }

    /** The point furthest on the wrong side of the threshold (the highest cost, the lowest score), if any has a value. */
    public OptionalInt worst() {
        OptionalInt worst = OptionalInt.empty();
        for (int index = 0; index < points.size(); index++) {
            double value = points.get(index).value();
            if (Double.isNaN(value)) {
                continue;
            }
            if (worst.isEmpty() || (comparison.breachIsLow() ? value < points.get(worst.getAsInt()).value()
                    : value > points.get(worst.getAsInt()).value())) {
                worst = OptionalInt.of(index);
            }
        }
        return worst;
    }
}
