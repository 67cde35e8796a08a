package dev.threeam.incident;

import dev.threeam.classify.FailureType;
import dev.threeam.classify.LabelledExample;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The team's Q1 corrections, as labelled examples for {@code check --classify} to replay. */
public final class LabelledExamples {

    private LabelledExamples() {}

    /** Every stored example, oldest first; reads only (a read-only database will do). */
    public static List<LabelledExample> read(Jdbi jdbi) {
        return jdbi.withExtension(LabelledExampleStore.class, LabelledExampleStore::all).stream()
                .map(row -> new LabelledExample(row.source(), row.alert(), FailureType.fromId(row.failureType()).orElse(FailureType.UNCLASSIFIED),
                        row.workflow(), row.byUser(), row.at()))
                .toList();
    }
}
