package dev.threeam.runbook;

import dev.threeam.classify.FailureType;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code check} command's report: for every workflow, whether an on-call could be handed its incidents
 * tonight (see {@link WorkflowReadiness}), and every problem of every file.
 *
 * @param dir          the folder as people know it
 * @param workflows    one entry per loaded runbook, by workflow id
 * @param notLoaded    files that failed to load
 * @param problems     every problem found, warnings included
 * @param folderLoaded false when the folder is missing or unreadable
 */
public record HandoverReport(String dir, List<WorkflowReadiness> workflows, List<String> notLoaded,
                             List<RunbookProblem> problems, boolean folderLoaded) {

    public HandoverReport {
        workflows = List.copyOf(workflows);
        notLoaded = List.copyOf(notLoaded);
        problems = List.copyOf(problems);
    }

    /** Loads {@code dir} strictly (a missing variable is an error) and prints the report; returns the exit code. */
    public static int run(Path dir, Map<String, String> env, PrintStream out) {
        return run(dir, env, false, out);
    }

    /** As {@link #run(Path, Map, PrintStream)}; with {@code sandbox}, missing variables are only warnings. */
    public static int run(Path dir, Map<String, String> env, boolean sandbox, PrintStream out) {
        HandoverReport report = of(dir, env, sandbox);
        out.print(HandoverPrinter.render(report));
        out.flush();
        return report.exitCode();
    }

    /** The report as data. */
    public static HandoverReport of(Path dir, Map<String, String> env, boolean sandbox) {
        RunbookRegistry registry = RunbookRegistry.unloaded(dir, env, sandbox, Clock.systemUTC());
        ReloadResult result = registry.reload();
        List<WorkflowReadiness> workflows = registry.all().stream()
                .map(runbook -> readiness(runbook, registry.name(runbook.file()), result.problems()))
                .toList();
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return new HandoverReport(name == null ? dir.toString() : name.toString(), workflows, result.failed(),
                result.problems(), registry.ready());
    }

    /** Every workflow ready, every file loaded. */
    public boolean ready() {
        return folderLoaded && notLoaded.isEmpty() && workflows.stream().allMatch(WorkflowReadiness::ready);
    }

    /** 0 when {@link #ready()}, else 1. */
    public int exitCode() {
        return ready() ? 0 : 1;
    }

    private static WorkflowReadiness readiness(Runbook runbook, String file, List<RunbookProblem> problems) {
        List<WorkflowReadiness.Coverage> coverage = Arrays.stream(FailureType.classified())
                .map(type -> new WorkflowReadiness.Coverage(type, ownerToWake(runbook, type),
                        RollbackFit.forType(runbook, type).map(Runbook.Rollback::id),
                        runbook.section(type).filter(text -> !text.isBlank()).isPresent()))
                .toList();
        return new WorkflowReadiness(runbook.workflow(), runbook.title(), file, coverage, runbook.qualitySignals(),
                runbook.budgets(), runbook.latency(), runbook.knownLimits(), Optional.ofNullable(runbook.eval()),
                problems.stream().filter(problem -> problem.file().equals(file)).toList());
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
