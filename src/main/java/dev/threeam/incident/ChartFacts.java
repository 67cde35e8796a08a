package dev.threeam.incident;

import dev.threeam.common.Sentence;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What the chart of a telemetry incident shows, and what the thread was told when Slack would not take the image. */
public final class ChartFacts {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private ChartFacts() {}

    /**
     * A chart's numbers, already in their units ({@code 4.2M}, {@code $212}, {@code 6.3 s}): what is measured, its latest
     * value, the worst one and when, the threshold, and the breach window ({@code breachTo} null while it lasts).
     * {@code workflow} and {@code measure} may carry names from the telemetry (a tool's name): they are quoted.
     */
    public record Numbers(String workflow, String measure, String now, String worst, Instant worstAt, String threshold,
                          Instant breachFrom, Instant breachTo) {

        public Sentence sentence() {
            Sentence said = Sentence.of("").quote(workflow, 200).then(" ").quote(measure, 200).then(" over the last hour: now " + now);
            if (worstAt != null) {
                said = said.then(", worst " + worst + " at " + clock(worstAt));
            }
            said = said.then(", threshold " + threshold);
            if (breachFrom != null) {
                said = said.then(breachTo == null ? "; in breach since " + clock(breachFrom)
                        : "; in breach from " + clock(breachFrom) + " to " + clock(breachTo));
            }
            return said.then(" (UTC)");
        }

        private static String clock(Instant at) {
            return CLOCK.format(at);
        }
    }

    /** Slack refused the chart's upload ({@code code}: its error, or why none was drawn): the numbers were said instead. */
    public record ChartAsText(String code, Numbers numbers) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Chart not shown (").quote(code, 100).then("); its numbers: ").then(numbers.sentence()).tone(Sentence.Tone.INFO);
        }
    }
}
