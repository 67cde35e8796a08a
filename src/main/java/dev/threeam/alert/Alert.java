package dev.threeam.alert;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One alert as 3am understands it, whatever sent it. Parsers turn each source's shape into this.
 *
 * @param source      which parser made it: {@code alertmanager}, {@code grafana}, {@code datadog}, {@code langsmith}, {@code generic}
 * @param fingerprint stable id of this alert within its source; repeats of one alert share it
 * @param status      firing or resolved, as the alert itself says (never the group's status)
 * @param title       one line for humans
 * @param severity    normalized: critical, warning or info
 * @param groupKey    what groups several alerts into one incident (Alertmanager groupKey, Datadog alert_cycle_key,
 *                    LangSmith alert_rule_id, generic group_key); null means the fingerprint alone
 * @param workflow    the workflow the sender named explicitly (generic {@code workflow} field), or null
 * @param labels      labels, tags and attributes as flat strings (Datadog tags and LangSmith fields land here too)
 * @param annotations summary, description and other free text
 * @param values      measured values by name (Grafana {@code values}, generic {@code value}/{@code threshold})
 * @param startsAt    when it started firing, or null when unknown
 * @param url         a link back to the source, or null
 */
public record Alert(
        String source,
        String fingerprint,
        AlertStatus status,
        String title,
        Severity severity,
        String groupKey,
        String workflow,
        Map<String, String> labels,
        Map<String, String> annotations,
        Map<String, String> values,
        Instant startsAt,
        String url) {

    public Alert {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        severity = severity == null ? Severity.WARNING : severity;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** As the canonical constructor, with the severity as the sender wrote it ({@code P1}, {@code page}, {@code warning}…). */
    public Alert(String source, String fingerprint, AlertStatus status, String title, String severity, String groupKey,
            String workflow, Map<String, String> labels, Map<String, String> annotations, Map<String, String> values,
            Instant startsAt, String url) {
        this(source, fingerprint, status, title, Severity.normalize(severity), groupKey, workflow, labels, annotations, values,
                startsAt, url);
    }

    public boolean firing() {
        return status == AlertStatus.FIRING;
    }

    /** Title and every annotation, for rules that read what engineers wrote. */
    public String text() {
        StringBuilder text = new StringBuilder(title);
        annotations.values().forEach(value -> text.append('\n').append(value));
        return text.toString();
    }
}
