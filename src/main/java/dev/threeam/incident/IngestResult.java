package dev.threeam.incident;

import java.util.List;

/**
 * What became of a batch of alerts: how many were accepted, which incidents they are on, and whether they asked
 * Slack for something that should go now (the caller wakes the outbox workers; a card redraw waits for their poll).
 */
public record IngestResult(int accepted, List<String> incidents, boolean deliveriesDue) {
    public IngestResult {
        incidents = List.copyOf(incidents);
    }
}
