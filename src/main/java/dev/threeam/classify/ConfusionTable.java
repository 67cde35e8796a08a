package dev.threeam.classify;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the replay got for what was expected: counts by expected type (rows) and classified type (columns), and
 * how many of each expected type landed in the right workflow. Prints as a per-type accuracy table and the
 * confusion matrix.
 */
public final class ConfusionTable {

    private static final FailureType[] TYPES = FailureType.values();

    private final int[][] counts = new int[TYPES.length][TYPES.length];
    private final int[] workflowRight = new int[TYPES.length];

    public void add(FailureType expected, FailureType got, boolean workflowMatched) {
        counts[expected.ordinal()][got.ordinal()]++;
        if (workflowMatched) {
            workflowRight[expected.ordinal()]++;
        }
    }

    /** Adds every count of another table. */
    public void addAll(ConfusionTable other) {
        for (int row = 0; row < TYPES.length; row++) {
            for (int column = 0; column < TYPES.length; column++) {
                counts[row][column] += other.counts[row][column];
            }
            workflowRight[row] += other.workflowRight[row];
        }
    }

    public int total() {
        return Arrays.stream(counts).mapToInt(row -> Arrays.stream(row).sum()).sum();
    }

    public int total(FailureType expected) {
        return Arrays.stream(counts[expected.ordinal()]).sum();
    }

    public int right(FailureType expected) {
        return counts[expected.ordinal()][expected.ordinal()];
    }

    public int got(FailureType expected, FailureType got) {
        return counts[expected.ordinal()][got.ordinal()];
    }

    /** Share of alerts classified as expected; 1.0 when there are none. */
    public double accuracy() {
        int total = total();
        return total == 0 ? 1.0 : (double) Arrays.stream(TYPES).mapToInt(this::right).sum() / total;
    }

    public double accuracy(FailureType expected) {
        int total = total(expected);
        return total == 0 ? 1.0 : (double) right(expected) / total;
    }

    public double workflowAccuracy() {
        int total = total();
        return total == 0 ? 1.0 : (double) Arrays.stream(workflowRight).sum() / total;
    }

    public double workflowAccuracy(FailureType expected) {
        int total = total(expected);
        return total == 0 ? 1.0 : (double) workflowRight[expected.ordinal()] / total;
    }

    /** The expected types that occur, in their usual order. */
    public List<FailureType> expectedTypes() {
        return Arrays.stream(TYPES).filter(type -> total(type) > 0).toList();
    }

    /** Expected types whose accuracy is under {@code floor}. */
    public List<FailureType> typesBelow(double floor) {
        return expectedTypes().stream().filter(type -> accuracy(type) < floor).toList();
    }

    public void printAccuracy(PrintStream out) {
        out.printf("  %-18s %6s  %15s  %15s%n", "expected type", "alerts", "type right", "workflow right");
        for (FailureType type : expectedTypes()) {
            out.printf("  %-18s %6d  %5d %7s  %5d %7s%n", type.id(), total(type), right(type),
                    percent(accuracy(type)), workflowRight[type.ordinal()], percent(workflowAccuracy(type)));
        }
        out.printf("  %-18s %6d  %5d %7s  %5d %7s%n", "overall", total(),
                Arrays.stream(TYPES).mapToInt(this::right).sum(), percent(accuracy()),
                Arrays.stream(workflowRight).sum(), percent(workflowAccuracy()));
    }

    public void printConfusion(PrintStream out) {
        out.println("  confusion (rows: expected, columns: got)");
        StringBuilder header = new StringBuilder(String.format("  %-18s", ""));
        for (FailureType type : TYPES) {
            header.append(String.format(" %5s", type.id().substring(0, 4)));
        }
        out.println(header);
        for (FailureType expected : expectedTypes()) {
            StringBuilder row = new StringBuilder(String.format("  %-18s", expected.id()));
            for (FailureType got : TYPES) {
                int count = got(expected, got);
                row.append(String.format(" %5s", count == 0 ? "." : Integer.toString(count)));
            }
            out.println(row);
        }
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
