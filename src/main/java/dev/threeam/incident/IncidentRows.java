package dev.threeam.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.threeam.alert.AlertStatus;
import dev.threeam.alert.Severity;
import dev.threeam.classify.Classification;
import dev.threeam.classify.FailureType;
import dev.threeam.common.Json;
import dev.threeam.common.ThreeAmException;
import java.time.Instant;
import java.util.Map;

/**
 * Rows of the incident tables as the database holds them (JDBI maps them by column name), and how they become the
 * domain's records.
 */
final class IncidentRows {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};

    private IncidentRows() {}

    /** {@code incidents}. */
    record IncidentRow(String id, long seq, String incidentKey, String title, String workflow, FailureType failureType,
                       String evidence, double confidence, FailureType runnerUp, Double runnerUpLead, String correctedBy, Severity severity, IncidentStatus status,
                       FailureType drillType, String acknowledgedBy, long alertCount, Instant openedAt, Instant acknowledgedAt,
                       Instant mitigatedAt, Instant resolvedAt, Instant lastAlertAt, String channel, String ts,
                       Instant cardUpdatedAt, Long suspectedChange, ResumeGate resumeGate, String lookupNote) {

        Incident incident() {
            return new Incident(id, seq, incidentKey, title, workflow,
                    new Classification(failureType == null ? FailureType.UNCLASSIFIED : failureType, evidence, confidence,
                            java.util.Optional.ofNullable(runnerUp), runnerUpLead == null ? 1.0 : runnerUpLead),
                    correctedBy, severity == null ? Severity.WARNING : severity, status, drillType,
                    new Incident.Progress(openedAt, acknowledgedAt, acknowledgedBy, mitigatedAt, resolvedAt, lastAlertAt),
                    alertCount, new Incident.SlackThread(channel, ts, cardUpdatedAt), suspectedChange,
                    resumeGate == null ? ResumeGate.NONE : resumeGate, lookupNote);
        }
    }

    /** {@code incident_alerts}. */
    record AlertRow(String incidentId, String fingerprint, String source, AlertStatus status, String title, String labels,
                    long count, Instant firstAt, Instant lastAt) {

        IncidentAlert alert() {
            try {
                return new IncidentAlert(incidentId, fingerprint, source, status, title, Json.mapper().readValue(labels, LABELS), count,
                        firstAt, lastAt);
            } catch (JsonProcessingException e) {
                throw new ThreeAmException("stored labels of " + incidentId + "/" + fingerprint + " are not a JSON object: " + labels, e);
            }
        }
    }

    /** {@code timeline}: the fact from its JSON, or the text of a row written before facts had kinds. */
    record TimelineRow(long id, String incidentId, Instant at, String actor, String kind, String facts, String text) {

        TimelineEntry entry() {
            Fact fact;
            try {
                fact = facts == null ? new Fact.Written(text) : Json.mapper().readValue(facts, Fact.class);
            } catch (JsonProcessingException e) {
                fact = new Fact.Written(text);
            }
            return new TimelineEntry(id, incidentId, at, actor, fact);
        }
    }

    /** The open incident of a key, as little of it as an arriving alert needs. */
    record OpenIncident(String id, String openKey, Instant cardUpdatedAt) {
        String key() {
            return openKey;
        }
    }

    /**
     * A row of {@link PostgresBatchStore#lookUp}: an open incident of a key (no fingerprint), or a fingerprint's status
     * inside one (no key).
     */
    record LookedUp(String id, String openKey, Instant cardUpdatedAt, String fingerprint, AlertStatus status) {}

    /** A fingerprint's status inside an incident. */
    record KnownAlert(String incidentId, String fingerprint, AlertStatus status) {}
}
