package dev.threeam.incident;

import java.time.Instant;

/** One human sentence of what happened, when and by whom ({@code actor} is a Slack user id or {@code 3am}). */
public record TimelineEntry(long id, String incidentId, Instant at, String actor, String text) {

    public static final String BOT = "3am";
}
