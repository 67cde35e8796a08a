package dev.threeam.incident;

import dev.threeam.alert.AlertStatus;
import java.time.Instant;
import java.util.Map;

/** One distinct alert (by fingerprint) inside an incident, with how often it was received. */
public record IncidentAlert(
        String incidentId,
        String fingerprint,
        String source,
        AlertStatus status,
        String title,
        Map<String, String> labels,
        long count,
        Instant firstAt,
        Instant lastAt) {}
