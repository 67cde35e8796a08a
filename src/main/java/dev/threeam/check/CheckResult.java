package dev.threeam.check;

import dev.threeam.drill.DrillReport;
import dev.threeam.runbook.HandoverReport;
import dev.threeam.runbook.RunbookProblem;
import dev.threeam.runbook.WorkflowReadiness;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code check} found: the handover report, the drill history, the telemetry received for the thresholds
 * (information: a threshold without data does not make a workflow unready), and what was asked. Every format renders
 * this one value, so they agree on what is ready and on the exit code.
 *
 * @param workingDir the folder file paths are made relative to (GitHub and JUnit readers want repository paths)
 */
public record CheckResult(HandoverReport handover, Drills drills, Telemetry telemetry, boolean strictEnv,
                          boolean requireDrills, Path workingDir) {

    /** Every workflow ready (and drilled, when drills are required). */
    public static final int READY = 0;
    /** A workflow is not ready, or a file did not load. */
    public static final int NOT_READY = 1;
    /** Wrong usage, or the runbooks folder or the database could not be read. */
    public static final int USAGE_OR_IO_ERROR = 2;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public CheckResult {
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    public int exitCode() {
        if (!handover.folderLoaded() || requireDrills && drills.source() == Drills.Source.UNREACHABLE) {
            return USAGE_OR_IO_ERROR;
        }
        return ready() ? READY : NOT_READY;
    }

    public boolean ready() {
        return handover.ready() && handover.workflows().stream().allMatch(this::ready);
    }

    /** No errors, an owner and a section for every type, and (when required) a recent passed drill of each. */
    public boolean ready(WorkflowReadiness workflow) {
        return workflow.ready() && workflow.coverage().stream().allMatch(coverage -> ready(workflow, coverage));
    }

    public boolean ready(WorkflowReadiness workflow, WorkflowReadiness.Coverage coverage) {
        return reasons(workflow, coverage).isEmpty();
    }

    /** Why this failure type of this workflow is not ready, one sentence each; empty when it is. */
    public List<String> reasons(WorkflowReadiness workflow, WorkflowReadiness.Coverage coverage) {
        List<String> reasons = new ArrayList<>(coverage.gaps());
        if (requireDrills && !drills.passedRecently(workflow.workflow(), coverage.type())) {
            reasons.add(drills.available() ? "no passed drill in the last 90 days (" + lastDrill(workflow, coverage)
                    + ")" : "no drill history: " + drills.message());
        }
        return List.copyOf(reasons);
    }

    public long readyWorkflows() {
        return handover.workflows().stream().filter(this::ready).count();
    }

    public long errors() {
        return handover.problems().stream().filter(RunbookProblem::isError).count();
    }

    public long warnings() {
        return handover.problems().size() - errors();
    }

    /** Errors first, then warnings, each in file order: GitHub shows only the first few annotations of a step. */
    public List<RunbookProblem> problemsBySeverity() {
        List<RunbookProblem> sorted = new ArrayList<>(handover.problems().stream().filter(RunbookProblem::isError).toList());
        sorted.addAll(handover.problems().stream().filter(problem -> !problem.isError()).toList());
        return sorted;
    }

    /**
     * The path of a file of the runbooks folder as tools open it: relative to the working directory when it lies
     * inside it ({@code runbooks/support-chat.md}), else as given. Empty for a problem of the folder itself.
     */
    public Optional<String> path(String file) {
        if (!file.startsWith(handover.dir() + "/")) {
            return Optional.empty();
        }
        Path path = handover.pathOf(file);
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(workingDir) ? workingDir.relativize(absolute) : path.normalize();
        return Optional.of(shown.toString().replace(File.separatorChar, '/'));
    }

    /** {@code OK}, {@code NOT READY} or {@code ERROR}, as the last line says. */
    public String verdict() {
        return switch (exitCode()) {
            case READY -> "OK";
            case NOT_READY -> "NOT READY";
            default -> "ERROR";
        };
    }

    /** Why the exit code is 2, for stderr; empty otherwise. */
    public Optional<String> ioError() {
        if (!handover.folderLoaded()) {
            return handover.problems().stream().findFirst().map(RunbookProblem::message);
        }
        return exitCode() == USAGE_OR_IO_ERROR ? Optional.of(drills.message()) : Optional.empty();
    }

    private String lastDrill(WorkflowReadiness workflow, WorkflowReadiness.Coverage coverage) {
        return drills.entry(workflow.workflow(), coverage.type()).flatMap(DrillReport.Entry::last)
                .map(drill -> "last drill " + drill.incidentId() + " on " + DAY.format(drill.endedAt())
                        + (drill.passed() ? " passed, more than 90 days ago" : " did not pass"))
                .orElse("never drilled");
    }
}
