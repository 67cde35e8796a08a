package dev.threeam.web;

import dev.threeam.action.ActionRecord;
import dev.threeam.classify.FailureType;
import dev.threeam.incident.Answer;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentAlert;
import dev.threeam.incident.Question;
import dev.threeam.incident.ResumeGate;
import dev.threeam.incident.TimelineEntry;
import dev.threeam.slack.SlackText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Incidents in the JSON shape of the contract (snake_case everywhere). Timeline entries are one sentence each,
 * written as Slack writes it (people as {@code <@U…>}), as the contract shows.
 */
final class IncidentJson {

    private IncidentJson() {}

    static Map<String, Object> summary(Incident incident) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id());
        json.put("title", incident.title());
        json.put("workflow", incident.workflow());
        json.put("failure_type", incident.type().id());
        json.put("severity", incident.severity().id());
        json.put("status", incident.status().id());
        json.put("drill", incident.drill());
        json.put("alert_count", incident.alertCount());
        json.put("opened_at", incident.openedAt());
        json.put("acknowledged_at", incident.acknowledgedAt());
        json.put("resolved_at", incident.resolvedAt());
        return json;
    }

    static Map<String, Object> full(Incident incident, List<IncidentAlert> alerts, Map<Question, Answer> answers,
            List<ActionRecord> actions, List<TimelineEntry> timeline) {
        Map<String, Object> json = summary(incident);
        Map<String, Object> classification = new LinkedHashMap<>();
        classification.put("failure_type", incident.type().id());
        classification.put("evidence", incident.classification().evidence());
        classification.put("confidence", incident.classification().confidence());
        classification.put("runner_up", incident.classification().runnerUp().map(FailureType::id).orElse(null));
        classification.put("corrected_by", incident.correctedBy());
        json.put("classification", classification);
        json.put("acknowledged_by", incident.acknowledgedBy());
        json.put("mitigated_at", incident.mitigatedAt());
        json.put("resume_gate", incident.gate() == ResumeGate.NONE ? null : incident.gate().id());
        json.put("suspected_change", incident.suspectedChange());
        json.put("lookup_note", incident.lookupNote());
        json.put("alerts", alerts.stream().map(IncidentJson::alert).toList());
        Map<String, Object> answered = new LinkedHashMap<>();
        answers.values().forEach(answer -> answered.put(answer.question().id(), Map.of("value", answer.value(), "label", answer.label(),
                "by", answer.byUser(), "at", answer.at())));
        json.put("answers", answered);
        json.put("actions", actions.stream().map(IncidentJson::action).toList());
        json.put("timeline", timeline.stream().map(entry -> Map.of("at", entry.at(), "actor", entry.actor(),
                "text", SlackText.MENTIONS.render(entry.sentence()))).toList());
        Map<String, Object> slack = new LinkedHashMap<>();
        slack.put("channel", incident.channel());
        slack.put("ts", incident.ts());
        json.put("slack", slack);
        return json;
    }

    private static Map<String, Object> alert(IncidentAlert alert) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fingerprint", alert.fingerprint());
        json.put("source", alert.source());
        json.put("status", alert.status().id());
        json.put("title", alert.title());
        json.put("labels", alert.labels());
        json.put("count", alert.count());
        json.put("first_at", alert.firstAt());
        json.put("last_at", alert.lastAt());
        return json;
    }

    private static Map<String, Object> action(ActionRecord action) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", action.kind().id());
        json.put("target", action.target());
        json.put("by", action.byUser());
        json.put("status", action.status().id());
        json.put("at", action.at());
        json.put("detail", action.detail());
        return json;
    }
}
