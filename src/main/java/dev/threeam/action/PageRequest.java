package dev.threeam.action;

import dev.threeam.common.BadInputException;
import java.util.Locale;
import java.util.Map;

/**
 * One paging event about an incident.
 *
 * @param incidentId the incident id ({@code INC-7}); the dedupe key, so a repeat never pages twice
 * @param summary    one line saying what is wrong
 * @param source     where it comes from: the workflow ({@code support-answers})
 * @param link       the incident's URL, or null
 * @param target     whom to wake: a PagerDuty routing key or an Opsgenie team name
 * @param details    extra facts shown in the page (failure type, evidence…); may be empty
 */
public record PageRequest(
        String incidentId,
        Event event,
        String summary,
        Severity severity,
        String source,
        String link,
        String target,
        Map<String, String> details) {

    /** What the page does to the incident on the paging side. */
    public enum Event { TRIGGER, ACKNOWLEDGE, RESOLVE }

    /** Severity as paging services understand it. */
    public enum Severity {
        CRITICAL, WARNING, INFO;

        /** {@code critical}, {@code warning}, {@code info}: PagerDuty's wire values. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Reads an alert's severity: critical/error/high/page → CRITICAL, info/low/none → INFO, anything else
         * (warning, null, unknown) → WARNING.
         */
        public static Severity from(String text) {
            String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "critical", "crit", "error", "high", "page", "p1", "p2", "sev1", "sev2" -> CRITICAL;
                case "info", "low", "none", "p5" -> INFO;
                default -> WARNING;
            };
        }
    }

    public PageRequest {
        requireText(incidentId, "incidentId");
        requireText(target, "target");
        if (event == null) {
            throw new BadInputException("page request for " + incidentId + ": event is missing");
        }
        summary = summary == null || summary.isBlank() ? incidentId : summary.strip();
        severity = severity == null ? Severity.WARNING : severity;
        source = source == null || source.isBlank() ? "3am" : source;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A request without extra details. */
    public PageRequest(String incidentId, Event event, String summary, Severity severity, String source,
            String link, String target) {
        this(incidentId, event, summary, severity, source, link, target, Map.of());
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadInputException("page request: " + field + " is missing");
        }
    }
}
