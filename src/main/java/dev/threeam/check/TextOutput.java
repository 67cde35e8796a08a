package dev.threeam.check;

import dev.threeam.drill.DrillReport;
import dev.threeam.runbook.HandoverReport;
import dev.threeam.runbook.RollbackFit;
import dev.threeam.runbook.RunbookProblem;
import dev.threeam.runbook.WorkflowReadiness;
import dev.threeam.signal.SignalCoverage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The handover report as plain text that reads well in a CI log: a table per workflow, then the drill history. */
final class TextOutput {

    private static final String ROW = "  %-20s %-24s %-30s %s%n";
    private static final String LINE = "  %-20s %s%n";

    private TextOutput() {}

    static String render(CheckResult result) {
        HandoverReport report = result.handover();
        StringBuilder out = new StringBuilder();
        out.append(String.format("3am handover check of %s/: %d workflow(s), %d file(s) not loaded%n",
                report.dir(), report.workflows().size(), report.notLoaded().size()));
        out.append("READY needs no errors, and an owner to wake and a runbook section for every failure type")
                .append(result.requireDrills() ? ", and a passed drill of each in the last 90 days.\n" : ".\n");
        out.append(result.strictEnv() ? "Every ${NAME} must be set (--strict-env).\n"
                : "A ${NAME} not set here is a warning: 3am will need it at run time (--strict-env makes it an error).\n");
        report.workflows().forEach(workflow -> workflow(out, result, workflow));
        for (String file : report.notLoaded()) {
            out.append(String.format("%n%s  NOT LOADED%n", file));
            problems(out, report.problemsOf(file));
        }
        List<RunbookProblem> others = report.problems().stream().filter(problem -> !belongsToAFile(report, problem))
                .toList();
        if (!others.isEmpty()) {
            out.append(String.format("%nOther problems%n"));
            problems(out, others);
        }
        drills(out, result);
        out.append(String.format("%nResult: %d of %d workflow(s) ready%s -> %s (exit %d)%n", result.readyWorkflows(),
                report.workflows().size(), report.notLoaded().isEmpty() ? "" : ", " + report.notLoaded().size()
                        + " file(s) not loaded", result.verdict(), result.exitCode()));
        return out.toString();
    }

    private static void workflow(StringBuilder out, CheckResult result, WorkflowReadiness workflow) {
        out.append(String.format("%n%s: %s  [%s]  %s%n", workflow.workflow(), workflow.title(), workflow.file(),
                result.ready(workflow) ? "READY" : "NOT READY"));
        out.append(String.format(ROW, "failure type", "owner to wake", "rollback", "section"));
        for (WorkflowReadiness.Coverage coverage : workflow.coverage()) {
            out.append(String.format(ROW, coverage.type().id(), required(coverage.owner()),
                    rollbacks(coverage.rollbacks()), coverage.section() ? "ok" : "MISSING"));
        }
        if (workflow.coverage().stream().allMatch(coverage -> coverage.rollbacks().noneListed())) {
            out.append(String.format(LINE, "rollbacks that fit", "none: the runbook lists no rollback (a drill expects"
                    + " \"No rollback\" on Q3)"));
        } else {
            out.append("  rollbacks that fit (what a drill expects on Q3):\n");
            for (WorkflowReadiness.Coverage coverage : workflow.coverage()) {
                out.append(String.format("    %-18s %s%n", coverage.type().id(), coverage.rollbacks().expected()));
            }
        }
        out.append(String.format(LINE, "quality thresholds", listed(workflow.qualitySignals().stream()
                .map(signal -> signal.metric() + " " + signal.threshold()).toList())));
        out.append(String.format(LINE, "budget", listed(numbers(workflow.budgets()))));
        out.append(String.format(LINE, "latency target", listed(numbers(workflow.latency()))));
        out.append(String.format(LINE, "known limits", workflow.knownLimits().isEmpty() ? "none"
                : "ok  " + workflow.knownLimits().size() + " written"));
        out.append(String.format(LINE, "eval rerun", workflow.eval()
                .map(eval -> "ok  " + (eval.webhook() != null ? "webhook" : "command")).orElse("none")));
        telemetry(out, result.telemetry(), workflow);
        problems(out, workflow.problems());
    }

    /** Which thresholds 3am executes itself from the OTLP telemetry received, and which have none yet. */
    private static void telemetry(StringBuilder out, Telemetry telemetry, WorkflowReadiness workflow) {
        List<SignalCoverage.Line> lines = telemetry.of(workflow.workflow());
        if (lines.isEmpty()) {
            out.append(String.format(LINE, "from telemetry", "none: no threshold 3am can execute (alerts only)"));
            return;
        }
        out.append("  thresholds from telemetry (3am executes them on OTLP data)"
                + (telemetry.read() ? ":" : " — " + telemetry.message() + ":") + "\n");
        for (SignalCoverage.Line line : lines) {
            out.append(String.format("    %-32s %s%n", line.threshold(), telemetry.describe(line)));
        }
    }

    private static void drills(StringBuilder out, CheckResult result) {
        Drills drills = result.drills();
        if (drills.available()) {
            out.append(DrillReport.render(drills.entries(), result.requireDrills()));
            return;
        }
        String heading = drills.source() == Drills.Source.UNREACHABLE ? "unavailable" : "none";
        out.append(String.format("%nDrill history: %s (%s)%s%n", heading, drills.message(),
                result.requireDrills() ? "  ✗ --require-drills needs it" : ""));
    }

    private static void problems(StringBuilder out, List<RunbookProblem> problems) {
        if (problems.isEmpty()) {
            out.append(String.format(LINE, "problems", "none"));
            return;
        }
        for (RunbookProblem problem : problems) {
            out.append(String.format("  %-8s %s%n", problem.severity(), problem));
        }
    }

    private static boolean belongsToAFile(HandoverReport report, RunbookProblem problem) {
        return report.notLoaded().contains(problem.file())
                || report.workflows().stream().anyMatch(workflow -> workflow.file().equals(problem.file()));
    }

    private static String required(Optional<String> value) {
        return value.map(text -> "ok  " + text).orElse("MISSING");
    }

    /** The first rollback that fits ({@code +2} when more do), or {@code none fits}. */
    private static String rollbacks(RollbackFit fit) {
        List<String> ids = fit.ids();
        return ids.isEmpty() ? "none fits" : "ok  " + ids.get(0) + (ids.size() > 1 ? " +" + (ids.size() - 1) : "");
    }

    private static String listed(List<String> items) {
        return items.isEmpty() ? "none" : "ok  " + String.join(", ", items);
    }

    private static List<String> numbers(Map<String, Double> numbers) {
        return numbers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + " " + plain(entry.getValue()))
                .toList();
    }

    static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
