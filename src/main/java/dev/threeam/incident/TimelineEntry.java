package dev.threeam.incident;

import dev.threeam.common.Sentence;
import java.time.Instant;

/** One thing that happened, when and by whom ({@code actor}: a Slack user id, {@code 3am}, or {@code api}). */
public record TimelineEntry(long id, String incidentId, Instant at, String actor, Fact fact) {

    public static final String BOT = "3am";

    public Sentence sentence() {
        return fact.sentence();
    }
}
