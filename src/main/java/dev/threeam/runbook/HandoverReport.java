package dev.threeam.runbook;

import dev.threeam.classify.FailureType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@code check} command judges: for every workflow, whether an on-call could be handed its incidents
 * tonight (see {@link WorkflowReadiness}), and every problem of every file. Data only; {@code dev.threeam.check}
 * renders it.
 *
 * @param dir          the folder as problems name it ({@code runbooks})
 * @param folder       the folder as it was given ({@code runbooks/}, {@code ../ops/runbooks})
 * @param workflows    one entry per loaded runbook, by workflow id
 * @param notLoaded    files that failed to load
 * @param problems     every problem found, warnings included
 * @param folderLoaded false when the folder is missing or unreadable
 */
public record HandoverReport(String dir, Path folder, List<WorkflowReadiness> workflows, List<String> notLoaded,
                             List<RunbookProblem> problems, boolean folderLoaded) {

    public HandoverReport {
        workflows = List.copyOf(workflows);
        notLoaded = List.copyOf(notLoaded);
        problems = List.copyOf(problems);
    }

    /**
     * Reads every runbook of {@code dir} once (nothing is served or watched); {@code env} fills {@code ${NAME}} and
     * {@code unset} says what a variable that is not set means.
     */
    public static HandoverReport of(Path dir, Map<String, String> env, UnsetVariables unset) {
        RunbookRegistry registry = RunbookRegistry.unloaded(dir, env, unset, Clock.systemUTC());
        Optional<List<ParsedRunbook>> files = registry.parseFolder();
        if (files.isEmpty()) {
            RunbookProblem problem = registry.folderProblem();
            return new HandoverReport(problem.file(), dir, List.of(), List.of(), List.of(problem), false);
        }
        List<WorkflowReadiness> workflows = files.get().stream().filter(file -> file.runbook().isPresent())
                .map(HandoverReport::readiness)
                .sorted(Comparator.comparing(WorkflowReadiness::workflow))
                .toList();
        List<String> notLoaded = files.get().stream().filter(ParsedRunbook::failed).map(ParsedRunbook::name).toList();
        List<RunbookProblem> problems = new ArrayList<>(files.get().stream().flatMap(file -> file.problems().stream())
                .toList());
        String name = registry.folderProblem().file();
        if (files.get().stream().allMatch(file -> file.runbook().isEmpty() && !file.failed())) {
            problems.add(RunbookProblem.error(name, 0, "", "no runbook in " + dir.toAbsolutePath().normalize()
                    + ": a runbook is a .md file that starts with --- front matter (see runbooks/support-chat.md)"));
        }
        return new HandoverReport(name, dir, workflows, notLoaded, problems, true);
    }

    /** At least one workflow, every workflow ready, every file loaded. */
    public boolean ready() {
        return folderLoaded && notLoaded.isEmpty() && !workflows.isEmpty()
                && workflows.stream().allMatch(WorkflowReadiness::ready);
    }

    /** The problems of {@code file} ({@code runbooks/support.md}). */
    public List<RunbookProblem> problemsOf(String file) {
        return problems.stream().filter(problem -> problem.file().equals(file)).toList();
    }

    /** The file on disk that a problem's {@code file} names, as it was given: {@code runbooks/} + {@code x.md}. */
    public Path pathOf(String file) {
        String prefix = dir + "/";
        return file.startsWith(prefix) ? folder.resolve(file.substring(prefix.length())) : folder;
    }

    private static WorkflowReadiness readiness(ParsedRunbook file) {
        Runbook runbook = file.runbook().orElseThrow();
        List<WorkflowReadiness.Coverage> coverage = Arrays.stream(FailureType.classified())
                .map(type -> coverage(file, runbook, type))
                .toList();
        return new WorkflowReadiness(runbook.workflow(), runbook.title(), file.name(), coverage,
                runbook.qualitySignals(), runbook.budgets(), runbook.latency(), runbook.knownLimits(),
                Optional.ofNullable(runbook.eval()), file.problems(), runbook);
    }

    private static WorkflowReadiness.Coverage coverage(ParsedRunbook file, Runbook runbook, FailureType type) {
        Optional<String> owner = ownerToWake(runbook, type);
        boolean section = runbook.section(type).filter(text -> !text.isBlank()).isPresent();
        int line = owner.isEmpty() || section
                ? file.firstLine("escalation." + type.id(), "escalation", "owners")
                : file.firstLine(ParsedRunbook.BODY);
        return new WorkflowReadiness.Coverage(type, owner, RollbackFit.of(runbook, type),
                section, line);
    }

    private static Optional<String> ownerToWake(Runbook runbook, FailureType type) {
        return runbook.rolesFor(type).stream()
                .filter(role -> runbook.owner(role).filter(HandoverReport::canBeWoken).isPresent())
                .findFirst();
    }

    private static boolean canBeWoken(Runbook.Owner owner) {
        return !owner.slack().isEmpty() || present(owner.pagerduty()) || present(owner.opsgenie());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
