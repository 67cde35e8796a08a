package dev.threeam.runbook;

import dev.threeam.alert.Alert;
import dev.threeam.classify.QualityBar;
import dev.threeam.classify.WorkflowContext;
import dev.threeam.classify.Workflows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the runbook of an alert: the alert's explicit workflow first, then the labels {@code workflow},
 * {@code service}, {@code app}, {@code job}, {@code project_name} (LangSmith) and {@code ml_app} (Datadog LLM
 * Observability), each compared with workflow ids and aliases without regard to case. Datadog's
 * {@code workflow:}/{@code service:} tags arrive as labels of those names.
 */
public final class WorkflowMatcher {

    /** Label names looked at, in order. */
    public static final List<String> LABELS = List.of("workflow", "service", "app", "job", "project_name", "ml_app");
    private static final List<String> ALWAYS_SHOWN = List.of("workflow", "service", "app", "job");

    private WorkflowMatcher() {}

    public static WorkflowMatch match(Alert alert, List<Runbook> runbooks) {
        return match(alert, new RunbookIndex(runbooks));
    }

    public static WorkflowMatch match(Alert alert, RunbookIndex runbooks) {
        List<Candidate> candidates = candidates(alert);
        for (Candidate candidate : candidates) {
            Optional<WorkflowMatch> match = matchOne(candidate, runbooks);
            if (match.isPresent()) {
                return match.get();
            }
        }
        return new WorkflowMatch(Optional.empty(), "looked at " + lookedAt(candidates) + ": "
                + (runbooks.runbooks().isEmpty() ? "no runbooks are loaded" : "no runbook answers to these"));
    }

    /** What the classifier should know of a runbook's workflow; {@link WorkflowContext#NONE} for none. */
    public static WorkflowContext context(Runbook runbook) {
        return runbook == null ? WorkflowContext.NONE
                : new WorkflowContext(runbook.workflow(), runbook.aliases(), runbook.classify(), runbook.knownLimits(),
                        runbook.title(), qualityBars(runbook), runbook.toolsNamed());
    }

    /** The runbook's {@code quality_signals} with their bars, then the graders its Quality drift section names. */
    private static List<QualityBar> qualityBars(Runbook runbook) {
        List<QualityBar> bars = new ArrayList<>(runbook.qualitySignals().stream()
                .map(signal -> new QualityBar(signal.metric(), signal.threshold())).toList());
        for (String grader : runbook.qualityMeasuresNamed()) {
            if (bars.stream().noneMatch(bar -> bar.metric().equalsIgnoreCase(grader))) {
                bars.add(QualityBar.of(grader));
            }
        }
        return bars;
    }

    /** These runbooks as the classifier's replay sees them: each alert's workflow context. */
    public static Workflows workflows(List<Runbook> runbooks) {
        RunbookIndex loaded = new RunbookIndex(runbooks);
        return alert -> context(match(alert, loaded).runbook().orElse(null));
    }

    private static Optional<WorkflowMatch> matchOne(Candidate candidate, RunbookIndex runbooks) {
        Optional<Runbook> byId = runbooks.byId(candidate.value());
        if (byId.isPresent()) {
            return Optional.of(new WorkflowMatch(byId, candidate.describe() + " is the workflow "
                    + byId.get().workflow()));
        }
        return runbooks.byAlias(candidate.value())
                .map(runbook -> new WorkflowMatch(Optional.of(runbook), candidate.describe() + " is an alias of "
                        + runbook.workflow()));
    }

    private static List<Candidate> candidates(Alert alert) {
        List<Candidate> candidates = new ArrayList<>();
        if (present(alert.workflow())) {
            candidates.add(new Candidate("field", "workflow", alert.workflow().strip()));
        }
        for (String label : LABELS) {
            String value = alert.labels().get(label);
            if (present(value)) {
                candidates.add(new Candidate("label", label, value.strip()));
            }
        }
        return candidates;
    }

    private static String lookedAt(List<Candidate> candidates) {
        List<String> parts = new ArrayList<>();
        for (String name : LABELS) {
            Optional<Candidate> seen = candidates.stream().filter(candidate -> candidate.name().equals(name)).findFirst();
            if (seen.isPresent() || ALWAYS_SHOWN.contains(name)) {
                parts.add(name + "=" + seen.map(Candidate::value).orElse("–"));
            }
        }
        return String.join(", ", parts);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** One value looked at: the alert's own workflow field, or a label. */
    private record Candidate(String origin, String name, String value) {
        String describe() {
            return origin + " " + name + "=" + value;
        }
    }
}
