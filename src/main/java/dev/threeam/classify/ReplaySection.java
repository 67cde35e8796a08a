package dev.threeam.classify;

import java.io.PrintStream;
import java.util.List;

/**
 * The replay of one source of labelled alerts (a corpus folder, or the stored examples): the table, every miss
 * in one line, and what was skipped.
 */
public record ReplaySection(String name, ConfusionTable table, List<String> misses, List<LabelledCorpus.Skipped> skipped) {

    public ReplaySection {
        misses = List.copyOf(misses);
        skipped = List.copyOf(skipped);
    }

    void print(PrintStream out) {
        out.printf("== %s: %d alerts replayed, %d skipped%n", name, table.total(), skipped.size());
        if (table.total() > 0) {
            table.printAccuracy(out);
            out.println();
            table.printConfusion(out);
        }
        if (!misses.isEmpty()) {
            out.println("  misses:");
            misses.forEach(miss -> out.println("    " + miss));
        }
        if (!skipped.isEmpty()) {
            out.println("  skipped:");
            skipped.forEach(skip -> out.println("    " + skip));
        }
        out.println();
    }
}
