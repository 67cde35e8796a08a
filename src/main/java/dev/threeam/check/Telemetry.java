package dev.threeam.check;

import dev.threeam.signal.SignalCoverage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Which runbook thresholds 3am executes from the telemetry it received (OTLP), per workflow, and which have no data
 * yet: what {@code check} found where {@code DATABASE_URL} points. Without a readable database every threshold is
 * listed without data and {@code message} says why.
 *
 * @param message  why the data could not be read, or null when it was
 * @param byWorkflow per workflow, one line per threshold the runbook writes
 */
public record Telemetry(String message, Map<String, List<SignalCoverage.Line>> byWorkflow) {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public Telemetry {
        byWorkflow = Map.copyOf(byWorkflow);
    }

    /** True when the database was read: a threshold without data really has received none. */
    public boolean read() {
        return message == null;
    }

    public List<SignalCoverage.Line> of(String workflow) {
        return byWorkflow.getOrDefault(workflow, List.of());
    }

    /** {@code executed: data until 2026-12-02 14:03 UTC (240 samples)}, {@code no data yet} or {@code not read}. */
    public String describe(SignalCoverage.Line line) {
        if (line.hasData()) {
            return "executed: data until " + MINUTE.format(line.lastData()) + " UTC (" + line.samples() + " samples)";
        }
        return read() ? "no data yet" : "not read";
    }
}
