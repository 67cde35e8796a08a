package dev.threeam.signal;

import dev.threeam.runbook.Runbook;
import dev.threeam.signal.Drops.Reason;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code gen_ai.evaluation.result} events from an OTLP logs export (the event name in {@code eventName} or an
 * {@code event.name} attribute): each is one sample of the quality signal its {@code gen_ai.evaluation.name} names,
 * valued {@code gen_ai.evaluation.score.value}. Other log records are counted as dropped.
 */
final class LogsReader {

    private final WorkflowFinder workflows;

    LogsReader(WorkflowFinder workflows) {
        this.workflows = workflows;
    }

    Batch read(ExportLogsServiceRequest request) {
        List<RawPoint> points = new ArrayList<>();
        Drops drops = new Drops();
        long received = 0;
        for (ResourceLogs resource : request.getResourceLogsList()) {
            List<KeyValue> resourceAttributes = resource.getResource().getAttributesList();
            for (ScopeLogs scope : resource.getScopeLogsList()) {
                for (LogRecord record : scope.getLogRecordsList()) {
                    received++;
                    read(resourceAttributes, record, points, drops);
                }
            }
        }
        return new Batch(points, drops, received);
    }

    private void read(List<KeyValue> resource, LogRecord record, List<RawPoint> points, Drops drops) {
        List<KeyValue> attributes = record.getAttributesList();
        String event = !record.getEventName().isBlank() ? record.getEventName()
                : Attributes.text(attributes, GenAi.EVENT_NAME).orElse("");
        if (!event.equals(GenAi.EVALUATION_EVENT)) {
            drops.add(Reason.NOT_AN_EVALUATION, event.isBlank() ? "a log record without an event name" : event);
            return;
        }
        Optional<String> name = Attributes.text(attributes, GenAi.EVALUATION_NAME);
        Optional<Double> score = Attributes.number(attributes, GenAi.EVALUATION_SCORE);
        if (name.isEmpty() || score.isEmpty() || !Double.isFinite(score.get())) {
            drops.add(Reason.BAD_VALUE, GenAi.EVALUATION_EVENT + " without " + (name.isEmpty() ? "gen_ai.evaluation.name"
                    : "a numeric gen_ai.evaluation.score.value"));
            return;
        }
        List<String> lookedAt = new ArrayList<>(1);
        Optional<Runbook> runbook = workflows.find(resource, attributes, lookedAt);
        if (runbook.isEmpty()) {
            drops.add(Reason.NO_WORKFLOW, lookedAt.get(0));
            return;
        }
        if (!Watch.of(runbook.get()).quality(name.get())) {
            drops.add(Reason.NOT_WATCHED, "evaluation " + name.get() + " for " + runbook.get().workflow()
                    + " (not in quality_signals)");
            return;
        }
        long time = record.getTimeUnixNano() != 0 ? record.getTimeUnixNano() : record.getObservedTimeUnixNano();
        points.add(new RawPoint(runbook.get().workflow(), GenAi.EVALUATION_EVENT, null, 0, time, Measure.number(score.get()),
                true, List.of(Share.of(Watch.qualitySeries(name.get())))));
    }
}
