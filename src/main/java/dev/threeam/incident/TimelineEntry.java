package dev.threeam.incident;

import dev.threeam.common.Sentence;
import java.time.Instant;

/** One thing that happened, when and by whom ({@code actor}: a Slack user id, {@code 3am}, or {@code api}). */
public record TimelineEntry(long id, String incidentId, Instant at, String actor, Fact fact) {

    public static final String BOT = "3am";
    /** The actor of what was done through the JSON API ({@code POST /api/drills}): not a person. */
    public static final String API = "api";

    public Sentence sentence() {
        return fact.sentence();
    }
}
