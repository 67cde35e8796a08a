package dev.threeam.drill;

import dev.threeam.classify.FailureType;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The drill part of the handover report: per workflow and failure type, the last drill and whether the team
 * passed. With {@code requireDrills}, a type without a passed drill in the last 90 days fails the check.
 */
public final class DrillReport {

    public static final Duration RECENT = Duration.ofDays(90);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private DrillReport() {}

    /**
     * One workflow and failure type.
     *
     * @param last           the most recent drill, passed or not
     * @param passedRecently a drill of this type passed within {@link #RECENT}
     */
    public record Entry(String workflow, FailureType type, Optional<DrillHistory.Drill> last, boolean passedRecently) {}

    /** The drill history of {@code workflows}, every classified failure type of each, in that order. */
    public static List<Entry> of(List<String> workflows, DrillHistory history, Instant now) {
        List<Entry> entries = new ArrayList<>();
        for (String workflow : workflows) {
            for (FailureType type : FailureType.classified()) {
                entries.add(new Entry(workflow, type, history.last(workflow, type.id()),
                        history.lastPassed(workflow, type.id(), now, RECENT).isPresent()));
            }
        }
        return List.copyOf(entries);
    }

    /** Prints the drill history of {@code workflows}; returns false when drills are required and one is missing. */
    public static boolean print(List<String> workflows, DrillHistory history, Instant now, boolean requireDrills, PrintStream out) {
        List<Entry> entries = of(workflows, history, now);
        out.print(render(entries, requireDrills));
        return !requireDrills || entries.stream().allMatch(Entry::passedRecently);
    }

    /** The text {@link #print} prints: a blank line, a heading, then a line per workflow and per failure type. */
    public static String render(List<Entry> entries, boolean requireDrills) {
        StringBuilder out = new StringBuilder(String.format("%nDrill history (passed = acknowledged in time, five"
                + " questions answered, a rollback that fits (or No rollback where none fits) by an allowed person)%n"));
        String workflow = null;
        for (Entry entry : entries) {
            if (!entry.workflow().equals(workflow)) {
                workflow = entry.workflow();
                out.append("  ").append(workflow).append(String.format("%n"));
            }
            String line = entry.last().map(drill -> "last drill " + DAY.format(drill.endedAt()) + " "
                    + drill.incidentId() + ": " + (drill.passed() ? "passed" : "NOT passed")).orElse("never drilled");
            String mark = entry.passedRecently() ? "  ✓" : requireDrills ? "  ✗ no passed drill in 90 days" : "";
            out.append(String.format("    %-18s %s%s%n", entry.type().id(), line, mark));
        }
        return out.toString();
    }
}
