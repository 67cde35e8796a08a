package dev.threeam.incident;

import java.time.Instant;
import java.util.List;

/** One failed example an on-call filed from Q5 into a set: what the eval pipeline reads. */
public record Example(long id, String incidentId, String setName, String example, String addedBy, Instant at) {

    /** The sets Q5 offers. */
    public static final List<String> SETS = List.of("blocking", "monitoring", "backlog", "noise");
    public static final int MAX_PER_SUBMISSION = 200;
}
