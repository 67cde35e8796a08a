package dev.threeam.review;

import dev.threeam.action.ActionLog;
import dev.threeam.action.ActionRecord;
import dev.threeam.classify.FailureType;
import dev.threeam.common.Text;
import dev.threeam.incident.Answer;
import dev.threeam.incident.Example;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.Question;
import dev.threeam.incident.TimelineEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A review draft in Markdown, written from the incident's facts: summary, impact window, the timeline with times and
 * people (every entry), the five answers, the suspected change, actions and their results, failed examples by set,
 * open follow-ups.
 */
public final class Postmortem {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final IncidentService incidents;
    private final ActionLog actions;
    private final Function<Long, Optional<String>> describeChange;

    public Postmortem(IncidentService incidents, ActionLog actions, Function<Long, Optional<String>> describeChange) {
        this.incidents = incidents;
        this.actions = actions;
        this.describeChange = describeChange;
    }

    public Optional<String> draft(String incidentId) {
        return incidents.find(incidentId).map(incident -> write(incident, incidents.timeline(incidentId), incidents.answers(incidentId),
                incidents.alerts(incidentId).size()));
    }

    private String write(Incident incident, List<TimelineEntry> timeline, Map<Question, Answer> answers, int distinctAlerts) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(incident.drill() ? "DRILL " : "").append(incident.id()).append(": ").append(incident.title()).append("\n\n");
        md.append("_Draft written by 3am for the incident review. Edit freely._\n\n## Summary\n\n");
        md.append("- Workflow: ").append(incident.workflow() == null ? "none matched" : incident.workflow()).append('\n');
        md.append("- Failure type: `").append(incident.type().id()).append("` — ").append(evidence(incident)).append('\n');
        md.append("- Severity: ").append(incident.severity().id()).append("; status: ").append(incident.status().id()).append('\n');
        md.append("- Alerts: ").append(distinctAlerts).append(" distinct, ").append(incident.alertCount()).append(" notifications\n\n");
        md.append("## Impact window\n\n- Opened: ").append(TIME.format(incident.openedAt())).append('\n');
        md.append("- Acknowledged: ").append(time(incident.acknowledgedAt())).append('\n');
        md.append("- Mitigated: ").append(time(incident.mitigatedAt())).append('\n');
        md.append("- Resolved: ").append(time(incident.resolvedAt())).append('\n');
        md.append("- Duration: ").append(Text.minutes(incident.age(incident.resolvedAt() != null ? incident.resolvedAt()
                : incident.progress().lastAlertAt()))).append("\n\n");
        md.append("## Timeline\n\n| time | who | what |\n|---|---|---|\n");
        for (TimelineEntry entry : timeline) {
            md.append("| ").append(TIME.format(entry.at())).append(" | ").append(cell(entry.actor())).append(" | ")
                    .append(cell(MarkdownText.render(entry.sentence()))).append(" |\n");
        }
        md.append("\n## The five questions\n\n");
        for (Question question : Question.values()) {
            Answer answer = answers.get(question);
            md.append(question.number()).append(". ").append(question.shortText()).append(" — ").append(answer == null ? "**unanswered**"
                    : "**" + answer.label() + "** (" + answer.byUser() + ", " + TIME.format(answer.at()) + ")").append('\n');
        }
        md.append("\n## Suspected change\n\n").append(incident.suspectedChange() == null ? "None marked."
                : describeChange.apply(incident.suspectedChange()).orElse("change #" + incident.suspectedChange())).append("\n\n");
        actionsTaken(md, actions.forIncident(incident.id()));
        examples(md, incidents.examplesOf(incident.id()));
        followUps(md, incident, answers);
        return md.toString();
    }

    private static void actionsTaken(StringBuilder md, List<ActionRecord> taken) {
        md.append("## Actions and results\n\n");
        if (taken.isEmpty()) {
            md.append("None.\n");
        }
        taken.forEach(action -> md.append("- ").append(TIME.format(action.at())).append(" ").append(action.kind().id()).append(" ")
                .append(action.target()).append(" by ").append(action.byUser()).append(": **").append(action.status().id()).append("** — ")
                .append(action.detail()).append('\n'));
    }

    private static void examples(StringBuilder md, List<Example> filed) {
        md.append("\n## Failed examples\n\n");
        Map<String, List<Example>> bySet = filed.stream().collect(Collectors.groupingBy(Example::setName, LinkedHashMap::new, Collectors.toList()));
        if (bySet.isEmpty()) {
            md.append("None filed.\n");
        }
        bySet.forEach((set, items) -> {
            md.append("### ").append(set).append("\n\n");
            items.forEach(item -> md.append("- ").append(item.example()).append(" (").append(item.addedBy()).append(")\n"));
            md.append('\n');
        });
    }

    private static void followUps(StringBuilder md, Incident incident, Map<Question, Answer> answers) {
        md.append("\n## Open follow-ups\n\n");
        for (Question question : Question.values()) {
            if (!answers.containsKey(question)) {
                md.append("- [ ] Answer ").append(question.name()).append(": ").append(question.shortText()).append('\n');
            }
        }
        if (incident.type() == FailureType.UNCLASSIFIED) {
            md.append("- [ ] Classify the failure and add a `classify:` rule to the runbook so the next one is recognized.\n");
        }
        if (incident.workflow() == null) {
            md.append("- [ ] Add a runbook (or an alias) for this alert's workflow.\n");
        }
        md.append("- [ ] Add the failed examples to the eval sets and rerun the eval.\n");
        md.append("- [ ] Review the runbook section for ").append(incident.type().title().toLowerCase()).append(".\n");
    }

    private static String evidence(Incident incident) {
        String evidence = incident.classification().evidence();
        return incident.correctedBy() == null ? evidence : "set by <@" + incident.correctedBy() + "> on Q1 (" + evidence + ")";
    }

    private static String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
