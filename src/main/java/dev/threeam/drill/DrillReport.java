package dev.threeam.drill;

import dev.threeam.classify.FailureType;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    /** Prints the drill history of {@code workflows}; returns false when drills are required and one is missing. */
    public static boolean print(List<String> workflows, DrillHistory history, Instant now, boolean requireDrills, PrintStream out) {
        boolean ok = true;
        out.println();
        out.println("Drill history (passed = acknowledged in time, five questions answered, right rollback by an allowed person)");
        for (String workflow : workflows) {
            out.println("  " + workflow);
            for (FailureType type : FailureType.classified()) {
                Optional<DrillHistory.Drill> last = history.last(workflow, type.id());
                Optional<DrillHistory.Drill> passed = history.lastPassed(workflow, type.id(), now, RECENT);
                String line = last.map(d -> "last drill " + DAY.format(d.endedAt()) + " " + d.incidentId() + ": " + (d.passed() ? "passed" : "NOT passed"))
                        .orElse("never drilled");
                boolean missing = passed.isEmpty();
                if (missing && requireDrills) {
                    ok = false;
                }
                out.printf("    %-18s %s%s%n", type.id(), line, missing ? (requireDrills ? "  ✗ no passed drill in 90 days" : "") : "  ✓");
            }
        }
        return ok;
    }
}
