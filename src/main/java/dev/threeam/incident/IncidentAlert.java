package dev.threeam.incident;

import java.time.Instant;

/** One distinct alert (by fingerprint) inside an incident, with how often it was received. */
public record IncidentAlert(
        String incidentId,
        String fingerprint,
        String source,
        String status,
        String title,
        String labels,
        long count,
        Instant firstAt,
        Instant lastAt) {}
