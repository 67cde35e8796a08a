package dev.threeam.check;

import dev.threeam.common.Json;
import dev.threeam.drill.DrillHistory;
import dev.threeam.drill.DrillReport;
import dev.threeam.runbook.HandoverReport;
import dev.threeam.runbook.RunbookProblem;
import dev.threeam.runbook.WorkflowReadiness;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The result as one JSON object, snake_case (the README shows an example). */
final class JsonOutput {

    private JsonOutput() {}

    record Report(String dir, boolean ready, int exitCode, boolean strictEnv, boolean requireDrills, Summary summary,
                  List<Workflow> workflows, List<String> notLoaded, List<Problem> problems, DrillHistoryJson drills,
                  TelemetryJson telemetry) {}

    record Summary(int workflows, long readyWorkflows, int notLoaded, long errors, long warnings) {}

    record Workflow(String workflow, String title, String file, boolean ready, List<FailureTypeReadiness> failureTypes,
                    List<QualitySignal> qualitySignals, Map<String, Double> budgets, Map<String, Double> latency,
                    List<String> knownLimits, String eval, List<TelemetryThreshold> telemetry) {}

    /** {@code lastData} and {@code samples}: the telemetry kept for it, null and 0 when none arrived. */
    record TelemetryThreshold(String threshold, String series, boolean hasData, Instant lastData, long samples) {}

    /** {@code read}: whether the database was read; {@code message}: why not. */
    record TelemetryJson(boolean read, String message) {}

    /**
     * {@code rollback}: the first rollback that fits; {@code rollbacks}: every one that fits and why;
     * {@code noRollbackFits}: why none does (a drill then expects "No rollback" on Q3), else null.
     */
    record FailureTypeReadiness(String failureType, boolean ready, String owner, String rollback,
                                List<FittingRollback> rollbacks, String noRollbackFits, boolean section,
                                Boolean drilled, int line, List<String> reasons) {}

    record FittingRollback(String id, String reason) {}

    record QualitySignal(String metric, String threshold) {}

    record Problem(String file, int line, String key, String severity, String message) {}

    record DrillHistoryJson(String source, String database, String message, boolean required, long windowDays,
                            List<DrillEntry> history) {}

    record DrillEntry(String workflow, String failureType, boolean passedRecently, LastDrill lastDrill) {}

    record LastDrill(String incident, Instant startedAt, Instant endedAt, boolean passed) {}

    static String render(CheckResult result) {
        HandoverReport report = result.handover();
        Report json = new Report(report.dir(), result.ready(), result.exitCode(), result.strictEnv(),
                result.requireDrills(),
                new Summary(report.workflows().size(), result.readyWorkflows(), report.notLoaded().size(),
                        result.errors(), result.warnings()),
                report.workflows().stream().map(workflow -> workflow(result, workflow)).toList(),
                report.notLoaded().stream().map(file -> result.path(file).orElse(file)).toList(),
                report.problems().stream().map(problem -> problem(result, problem)).toList(),
                drills(result), new TelemetryJson(result.telemetry().read(), result.telemetry().message()));
        return Json.write(json) + "\n";
    }

    private static Workflow workflow(CheckResult result, WorkflowReadiness workflow) {
        List<FailureTypeReadiness> types = workflow.coverage().stream().map(coverage -> new FailureTypeReadiness(
                coverage.type().id(), result.ready(workflow, coverage), coverage.owner().orElse(null),
                coverage.rollback().orElse(null), coverage.rollbacks().fitting().stream()
                        .map(fit -> new FittingRollback(fit.id(), fit.reason())).toList(),
                coverage.rollbacks().whyNone(), coverage.section(),
                result.drills().available() ? result.drills().passedRecently(workflow.workflow(), coverage.type()) : null,
                coverage.line(), result.reasons(workflow, coverage))).toList();
        return new Workflow(workflow.workflow(), workflow.title(), result.path(workflow.file()).orElse(workflow.file()),
                result.ready(workflow), types,
                workflow.qualitySignals().stream().map(signal -> new QualitySignal(signal.metric(), signal.threshold()))
                        .toList(),
                new TreeMap<>(workflow.budgets()), new TreeMap<>(workflow.latency()), workflow.knownLimits(),
                workflow.eval().map(eval -> eval.webhook() != null ? "webhook" : "command").orElse(null),
                result.telemetry().of(workflow.workflow()).stream().map(line -> new TelemetryThreshold(line.threshold(), line.series(),
                        line.hasData(), line.lastData(), line.samples())).toList());
    }

    private static Problem problem(CheckResult result, RunbookProblem problem) {
        return new Problem(result.path(problem.file()).orElse(problem.file()), problem.line(), problem.key(),
                problem.severity().name().toLowerCase(Locale.ROOT), problem.message());
    }

    private static DrillHistoryJson drills(CheckResult result) {
        Drills drills = result.drills();
        return new DrillHistoryJson(drills.source().id(), drills.database(), drills.message(), result.requireDrills(),
                DrillReport.RECENT.toDays(), drills.entries().stream().map(JsonOutput::entry).toList());
    }

    private static DrillEntry entry(DrillReport.Entry entry) {
        return new DrillEntry(entry.workflow(), entry.type().id(), entry.passedRecently(),
                entry.last().map(JsonOutput::lastDrill).orElse(null));
    }

    private static LastDrill lastDrill(DrillHistory.Drill drill) {
        return new LastDrill(drill.incidentId(), drill.startedAt(), drill.endedAt(), drill.passed());
    }
}
