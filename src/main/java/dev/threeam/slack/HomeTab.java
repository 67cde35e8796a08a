package dev.threeam.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.threeam.common.Text;
import dev.threeam.classify.FailureType;
import dev.threeam.drill.DrillHistory;
import dev.threeam.drill.DrillReport;
import dev.threeam.incident.Answer;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.Question;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The App Home: open incidents, and the last 7 days at a glance. */
public final class HomeTab {

    private final IncidentService incidents;
    private final RunbookRegistry runbooks;
    private final DrillHistory drills;
    private final Clock clock;

    public HomeTab(IncidentService incidents, RunbookRegistry runbooks, DrillHistory drills, Clock clock) {
        this.incidents = incidents;
        this.runbooks = runbooks;
        this.drills = drills;
        this.clock = clock;
    }

    /** Each workflow's handover status: runbook problems, and how many failure types have a passed recent drill. */
    private String handover(Instant now) {
        StringBuilder text = new StringBuilder("*Handover status*");
        for (Runbook book : runbooks.all()) {
            long errors = runbooks.problems().stream().filter(p -> p.isError() && p.file().endsWith(book.file().getFileName().toString())).count();
            long passed = java.util.Arrays.stream(FailureType.classified())
                    .filter(type -> drills.lastPassed(book.workflow(), type.id(), now, DrillReport.RECENT).isPresent()).count();
            text.append("\n• *").append(Text.escape(book.workflow())).append("*: ")
                    .append(errors == 0 ? ":white_check_mark: runbook loads" : ":warning: " + errors + " runbook errors")
                    .append(" · drills passed for ").append(passed).append("/").append(FailureType.classified().length).append(" failure types")
                    .append(passed == FailureType.classified().length ? " :trophy:" : "");
        }
        return text.toString();
    }

    public View render(String user) {
        Instant now = clock.instant();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("3am — AI incidents"))));
        List<Incident> open = incidents.open();
        blocks.add(section(s -> s.text(markdownText("*Open incidents: " + open.size() + "*"))));
        for (Incident incident : open.subList(0, Math.min(open.size(), 20))) {
            String line = (incident.drill() ? "DRILL · " : "") + "*" + incident.id() + "* [" + incident.severity().id() + "] `" + incident.type().id()
                    + "` " + Text.escape(incident.title(), 200) + "\n" + incident.status().id() + " · open " + CardView.duration(incident.age(now))
                    + " · " + incident.alertCount() + " alerts";
            blocks.add(section(s -> s.text(markdownText(Text.shorten(line, Limits.SECTION)))));
        }
        blocks.add(divider());
        List<Incident> week = incidents.openedSince(now.minus(Duration.ofDays(7))).stream().filter(incident -> !incident.drill()).toList();
        Map<String, Long> byType = new TreeMap<>(week.stream().collect(Collectors.groupingBy(incident -> incident.type().id(), Collectors.counting())));
        String types = byType.isEmpty() ? "none" : byType.entrySet().stream().map(e -> "`" + e.getKey() + "` " + e.getValue())
                .collect(Collectors.joining(" · "));
        String ack = median(week.stream().filter(i -> i.acknowledgedAt() != null).map(i -> Duration.between(i.openedAt(), i.acknowledgedAt())).toList());
        String resolve = median(week.stream().filter(i -> i.resolvedAt() != null).map(i -> Duration.between(i.openedAt(), i.resolvedAt())).toList());
        String unanswered = unanswered(week);
        String summary = "*Last 7 days: " + week.size() + " incidents*\nBy failure type: " + types
                + "\nMedian time to acknowledge: " + ack + " · to resolve: " + resolve
                + "\nQuestions left unanswered most: " + unanswered;
        blocks.add(section(s -> s.text(markdownText(summary))));
        String handover = handover(now);
        blocks.add(divider());
        blocks.add(section(s -> s.text(markdownText(Text.shorten(handover, Limits.SECTION)))));
        blocks.add(context(c -> c.elements(List.of(markdownText("Type `/ai-incident help` for commands; `/ai-incident drill <workflow> <type>` to practise.")))));
        return View.builder().type("home").blocks(blocks.subList(0, Math.min(blocks.size(), 100))).build();
    }

    private String unanswered(List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return "—";
        }
        List<Answer> answers = this.incidents.answersOf(incidents.stream().map(Incident::id).toList());
        Map<Question, Long> answered = answers.stream().collect(Collectors.groupingBy(Answer::question, Collectors.counting()));
        return java.util.Arrays.stream(Question.values())
                .sorted(Comparator.comparingLong(q -> answered.getOrDefault(q, 0L)))
                .limit(2)
                .map(q -> q.name() + " (" + (incidents.size() - answered.getOrDefault(q, 0L)) + "/" + incidents.size() + " unanswered)")
                .collect(Collectors.joining(", "));
    }

    static String median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return "—";
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        return CardView.duration(sorted.get(sorted.size() / 2));
    }
}
