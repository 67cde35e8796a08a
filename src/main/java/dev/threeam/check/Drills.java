package dev.threeam.check;

import dev.threeam.classify.FailureType;
import dev.threeam.drill.DrillReport;
import java.util.List;
import java.util.Optional;

/**
 * The drill history {@code check} found, or why there is none.
 *
 * @param source   what was found where {@code DATABASE_URL} points
 * @param database {@code DATABASE_URL} with any password masked
 * @param message  one sentence for people when there is no history ({@code source} is not {@code READ})
 * @param entries  per workflow and failure type, when {@code READ}
 */
public record Drills(Source source, String database, String message, List<DrillReport.Entry> entries) {

    /** Where the history came from, or why there is none. */
    public enum Source {
        /** The drills table was read. */
        READ,
        /** No database: the SQLite file does not exist (or is in memory). */
        NO_DATABASE,
        /** A database without a drills table: 3am with drills never ran on it. */
        NO_DRILL_TABLE,
        /** The database could not be opened or read. */
        UNREACHABLE;

        /** {@code read}, {@code no_database}, …: the JSON form. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Drills {
        entries = List.copyOf(entries);
    }

    static Drills read(String database, List<DrillReport.Entry> entries) {
        return new Drills(Source.READ, database, null, entries);
    }

    static Drills none(Source source, String database, String message) {
        return new Drills(source, database, message, List.of());
    }

    public boolean available() {
        return source == Source.READ;
    }

    /** The history of one workflow and type; empty when there is no history. */
    public Optional<DrillReport.Entry> entry(String workflow, FailureType type) {
        return entries.stream().filter(entry -> entry.workflow().equals(workflow) && entry.type() == type).findFirst();
    }

    /** True when a drill of this workflow and type passed in the last 90 days. */
    public boolean passedRecently(String workflow, FailureType type) {
        return entry(workflow, type).filter(DrillReport.Entry::passedRecently).isPresent();
    }
}
