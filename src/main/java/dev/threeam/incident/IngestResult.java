package dev.threeam.incident;

import java.util.List;

/** What became of a batch of alerts: how many were accepted and which incidents they are on. */
public record IngestResult(int accepted, List<String> incidents) {
    public IngestResult {
        incidents = List.copyOf(incidents);
    }
}
