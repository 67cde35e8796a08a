package dev.threeam.check;

import dev.threeam.runbook.RunbookProblem;
import dev.threeam.runbook.WorkflowReadiness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub Actions workflow commands, one line per finding, so problems show on the pull request's diff:
 * {@code ::error file=runbooks/x.md,line=7,title=escalation.legal::role "legal" has no owner}. Errors come first
 * (GitHub shows only the first ten errors and ten warnings of a step), then a notice per failure type none of the
 * runbook's rollbacks fits; a plain summary line ends the output.
 */
final class GithubOutput {

    private GithubOutput() {}

    static String render(CheckResult result) {
        StringBuilder out = new StringBuilder();
        for (WorkflowReadiness workflow : result.handover().workflows()) {
            for (WorkflowReadiness.Coverage coverage : workflow.coverage()) {
                List<String> reasons = result.reasons(workflow, coverage);
                if (!reasons.isEmpty()) {
                    out.append(command("error", result.path(workflow.file()), coverage.line(),
                            workflow.workflow() + " " + coverage.type().id() + " not ready", String.join("; ", reasons)));
                }
            }
        }
        drillHistory(out, result);
        for (RunbookProblem problem : result.problemsBySeverity()) {
            Optional<String> file = result.path(problem.file());
            out.append(command(problem.isError() ? "error" : "warning", file, problem.line(),
                    problem.key().isEmpty() ? "3am check" : problem.key(),
                    file.isPresent() ? problem.message() : problem.toString()));
        }
        for (WorkflowReadiness workflow : result.handover().workflows()) {
            for (WorkflowReadiness.Coverage coverage : workflow.coverage()) {
                if (coverage.rollbacks().none() && !coverage.rollbacks().noneListed()) {
                    out.append(command("notice", result.path(workflow.file()), coverage.line(),
                            workflow.workflow() + " " + coverage.type().id() + ": no rollback fits",
                            coverage.rollbacks().whyNone() + "; a drill of this type expects \"No rollback\" on Q3"));
                }
            }
        }
        telemetry(out, result);
        out.append(String.format("3am check of %s/: %d of %d workflow(s) ready, %d error(s), %d warning(s) -> %s"
                        + " (exit %d)%n", result.handover().dir(), result.readyWorkflows(),
                result.handover().workflows().size(), result.errors(), result.warnings(), result.verdict(),
                result.exitCode()));
        return out.toString();
    }

    /** One notice per workflow whose thresholds have no telemetry yet (when the database was read). */
    private static void telemetry(StringBuilder out, CheckResult result) {
        if (!result.telemetry().read()) {
            return;
        }
        for (WorkflowReadiness workflow : result.handover().workflows()) {
            List<String> waiting = result.telemetry().of(workflow.workflow()).stream().filter(line -> !line.hasData())
                    .map(line -> line.threshold()).toList();
            if (!waiting.isEmpty()) {
                out.append(command("notice", result.path(workflow.file()), 0, workflow.workflow() + ": thresholds without telemetry",
                        "no OTLP data yet for " + String.join(", ", waiting) + ": 3am cannot execute them until it arrives"));
            }
        }
    }

    private static void drillHistory(StringBuilder out, CheckResult result) {
        Drills drills = result.drills();
        if (drills.available()) {
            return;
        }
        if (result.requireDrills()) {
            out.append(command("error", Optional.empty(), 0, "drill history", drills.message()));
        } else if (drills.source() == Drills.Source.UNREACHABLE) {
            out.append(command("warning", Optional.empty(), 0, "drill history", drills.message()));
        }
    }

    /** {@code ::level file=…,line=…,title=…::message}, escaped as the workflow-command rules say. */
    static String command(String level, Optional<String> file, int line, String title, String message) {
        Map<String, String> properties = new LinkedHashMap<>();
        file.ifPresent(path -> properties.put("file", path));
        if (file.isPresent() && line > 0) {
            properties.put("line", String.valueOf(line));
        }
        properties.put("title", title);
        List<String> written = new ArrayList<>();
        properties.forEach((key, value) -> written.add(key + "=" + escapeProperty(value)));
        return "::" + level + " " + String.join(",", written) + "::" + escapeData(message) + "\n";
    }

    /** Message text: {@code %}, CR and LF are percent-encoded. */
    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Property values: as {@link #escapeData}, and {@code :} and {@code ,} too. */
    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
