package dev.threeam.incident;

import dev.threeam.classify.FailureType;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * A review draft in Markdown: summary, impact window, the timeline with times and people (every entry), the
 * five answers, the suspected change, actions and their results, failed examples by set, open follow-ups.
 */
public final class Postmortem {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final List<String> QUESTIONS = List.of("Where is the failure?", "What changed?", "Rollback?",
            "Human reviewer needed before resuming?", "Where do the failed examples go?");

    /** One action line for the draft: the action package writes them, this class only prints them. */
    public record ActionLine(String kind, String target, String byUser, String status, String detail, java.time.Instant at) {}

    private final Jdbi jdbi;
    private final Examples examples;
    private final Function<String, List<ActionLine>> actions;
    private final Function<Long, Optional<String>> describeChange;

    public Postmortem(Jdbi jdbi, Examples examples, Function<String, List<ActionLine>> actions, Function<Long, Optional<String>> describeChange) {
        this.jdbi = jdbi;
        this.examples = examples;
        this.actions = actions;
        this.describeChange = describeChange;
    }

    public Optional<String> draft(String incidentId) {
        return jdbi.withExtension(IncidentStore.class, store -> store.find(incidentId).map(incident -> write(incident,
                store.timeline(incidentId), store.answers(incidentId), store.alerts(incidentId))));
    }

    private String write(Incident incident, List<TimelineEntry> timeline, List<Answer> answers, List<IncidentAlert> alerts) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(incident.drill() ? "DRILL " : "").append(incident.id()).append(": ").append(plain(incident.title())).append("\n\n");
        md.append("_Draft written by 3am for the incident review. Edit freely._\n\n## Summary\n\n");
        md.append("- Workflow: ").append(incident.workflow() == null ? "none matched" : incident.workflow()).append('\n');
        md.append("- Failure type: `").append(incident.failureType()).append("` — ").append(plain(incident.evidence())).append('\n');
        md.append("- Severity: ").append(incident.severity()).append("; status: ").append(incident.status()).append('\n');
        md.append("- Alerts: ").append(alerts.size()).append(" distinct, ").append(incident.alertCount()).append(" notifications\n\n");
        md.append("## Impact window\n\n- Opened: ").append(TIME.format(incident.openedAt())).append('\n');
        md.append("- Acknowledged: ").append(time(incident.acknowledgedAt())).append('\n');
        md.append("- Mitigated: ").append(time(incident.mitigatedAt())).append('\n');
        md.append("- Resolved: ").append(time(incident.resolvedAt())).append('\n');
        md.append("- Duration: ").append(AlertIngestor.minutes(incident.age(incident.resolvedAt() != null ? incident.resolvedAt() : incident.lastAlertAt()))).append("\n\n");
        md.append("## Timeline\n\n| time | who | what |\n|---|---|---|\n");
        for (TimelineEntry entry : timeline) {
            md.append("| ").append(TIME.format(entry.at())).append(" | ").append(cell(entry.actor())).append(" | ").append(cell(entry.text())).append(" |\n");
        }
        Map<String, Answer> byQuestion = answers.stream().collect(Collectors.toMap(Answer::question, Function.identity()));
        md.append("\n## The five questions\n\n");
        for (int i = 1; i <= 5; i++) {
            Answer answer = byQuestion.get("q" + i);
            md.append(i).append(". ").append(QUESTIONS.get(i - 1)).append(" — ").append(answer == null ? "**unanswered**"
                    : "**" + plain(answer.label()) + "** (" + answer.byUser() + ", " + TIME.format(answer.at()) + ")").append('\n');
        }
        md.append("\n## Suspected change\n\n").append(incident.suspectedChange() == null ? "None marked."
                : describeChange.apply(incident.suspectedChange()).orElse("change #" + incident.suspectedChange())).append("\n\n");
        md.append("## Actions and results\n\n");
        List<ActionLine> taken = actions.apply(incident.id());
        if (taken.isEmpty()) {
            md.append("None.\n");
        }
        taken.forEach(action -> md.append("- ").append(TIME.format(action.at())).append(" ").append(action.kind()).append(" ")
                .append(action.target()).append(" by ").append(action.byUser()).append(": **").append(action.status()).append("** — ")
                .append(plain(action.detail())).append('\n'));
        md.append("\n## Failed examples\n\n");
        Map<String, List<Examples.Example>> bySet = examples.forIncident(incident.id()).stream()
                .collect(Collectors.groupingBy(Examples.Example::setName));
        if (bySet.isEmpty()) {
            md.append("None filed.\n");
        }
        bySet.forEach((set, items) -> {
            md.append("### ").append(set).append("\n\n");
            items.forEach(item -> md.append("- ").append(plain(item.example())).append(" (").append(item.addedBy()).append(")\n"));
            md.append('\n');
        });
        md.append("\n## Open follow-ups\n\n");
        for (int i = 1; i <= 5; i++) {
            if (!byQuestion.containsKey("q" + i)) {
                md.append("- [ ] Answer Q").append(i).append(": ").append(QUESTIONS.get(i - 1)).append('\n');
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
        return md.toString();
    }

    private static String time(java.time.Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    /** Slack escapes back to plain characters for Markdown readers. */
    private static String plain(String text) {
        return text == null ? "" : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("\u200B", "");
    }

    private static String cell(String text) {
        return plain(text).replace("|", "\\|").replace("\n", " ");
    }
}
