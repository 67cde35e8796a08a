package dev.threeam.classify;

import java.io.PrintStream;
import java.util.List;

/** The replay of every source, and of all of them together; it passes when the total reaches the bar. */
public record ReplayReport(List<ReplaySection> sections) {

    public ReplayReport {
        sections = List.copyOf(sections);
    }

    /** Every section's counts added up. */
    public ConfusionTable total() {
        ConfusionTable total = new ConfusionTable();
        sections.forEach(section -> total.addAll(section.table()));
        return total;
    }

    /** True when overall type and workflow accuracy reach {@code min} and every type reaches {@link ClassifyReplay#TYPE_FLOOR}. */
    public boolean passes(double min) {
        ConfusionTable total = total();
        return total.accuracy() >= min && total.workflowAccuracy() >= min
                && total.typesBelow(ClassifyReplay.TYPE_FLOOR).isEmpty();
    }

    void print(PrintStream out, double min) {
        sections.forEach(section -> section.print(out));
        ConfusionTable total = total();
        if (sections.size() > 1) {
            out.println("== all sources together");
            total.printAccuracy(out);
            out.println();
        }
        List<FailureType> weak = total.typesBelow(ClassifyReplay.TYPE_FLOOR);
        out.printf("%s: type %s, workflow %s (need %s overall); %s%n", passes(min) ? "PASS" : "FAIL",
                ConfusionTable.percent(total.accuracy()), ConfusionTable.percent(total.workflowAccuracy()),
                ConfusionTable.percent(min), weak.isEmpty()
                        ? "every type at least " + ConfusionTable.percent(ClassifyReplay.TYPE_FLOOR)
                        : "under " + ConfusionTable.percent(ClassifyReplay.TYPE_FLOOR) + ": "
                                + String.join(", ", weak.stream().map(FailureType::id).toList()));
    }
}
