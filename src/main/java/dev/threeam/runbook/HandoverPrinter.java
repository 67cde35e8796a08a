package dev.threeam.runbook;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Renders a {@link HandoverReport} as plain text that reads well in a CI log. */
final class HandoverPrinter {

    private static final String ROW = "  %-20s %-24s %-30s %s%n";
    private static final String LINE = "  %-20s %s%n";

    private HandoverPrinter() {}

    static String render(HandoverReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("3am handover check of %s/: %d workflow(s), %d file(s) not loaded%n",
                report.dir(), report.workflows().size(), report.notLoaded().size()));
        out.append("READY needs no errors, and an owner to wake and a runbook section for every failure type.\n");
        report.workflows().forEach(workflow -> workflow(out, workflow));
        for (String file : report.notLoaded()) {
            out.append(String.format("%n%s  NOT LOADED%n", file));
            problems(out, report.problems().stream().filter(problem -> problem.file().equals(file)).toList());
        }
        List<RunbookProblem> others = report.problems().stream().filter(problem -> !belongsToAFile(report, problem))
                .toList();
        if (!others.isEmpty()) {
            out.append(String.format("%nOther problems%n"));
            problems(out, others);
        }
        long ready = report.workflows().stream().filter(WorkflowReadiness::ready).count();
        out.append(String.format("%nResult: %d of %d workflow(s) ready%s -> %s (exit %d)%n", ready,
                report.workflows().size(), report.notLoaded().isEmpty() ? "" : ", " + report.notLoaded().size()
                        + " file(s) not loaded", report.ready() ? "OK" : "NOT READY", report.exitCode()));
        return out.toString();
    }

    private static void workflow(StringBuilder out, WorkflowReadiness workflow) {
        out.append(String.format("%n%s: %s  [%s]  %s%n", workflow.workflow(), workflow.title(), workflow.file(),
                workflow.ready() ? "READY" : "NOT READY"));
        out.append(String.format(ROW, "failure type", "owner to wake", "rollback", "section"));
        for (WorkflowReadiness.Coverage coverage : workflow.coverage()) {
            out.append(String.format(ROW, coverage.type().id(), required(coverage.owner()),
                    advised(coverage.rollback()), coverage.section() ? "ok" : "MISSING"));
        }
        out.append(String.format(LINE, "quality thresholds", listed(workflow.qualitySignals().stream()
                .map(signal -> signal.metric() + " " + signal.threshold()).toList())));
        out.append(String.format(LINE, "budget", listed(numbers(workflow.budgets()))));
        out.append(String.format(LINE, "latency target", listed(numbers(workflow.latency()))));
        out.append(String.format(LINE, "known limits", workflow.knownLimits().isEmpty() ? "none"
                : "ok  " + workflow.knownLimits().size() + " written"));
        out.append(String.format(LINE, "eval rerun", workflow.eval()
                .map(eval -> "ok  " + (eval.webhook() != null ? "webhook" : "command")).orElse("none")));
        problems(out, workflow.problems());
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

    private static String advised(Optional<String> value) {
        return value.map(text -> "ok  " + text).orElse("none");
    }

    private static String listed(List<String> items) {
        return items.isEmpty() ? "none" : "ok  " + String.join(", ", items);
    }

    private static List<String> numbers(Map<String, Double> numbers) {
        return numbers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getKey() + " " + BigDecimal.valueOf(entry.getValue()).stripTrailingZeros()
                        .toPlainString())
                .collect(Collectors.toList());
    }
}
