package dev.threeam.signal;

import dev.threeam.runbook.Runbook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * For {@code check} and the handover report: which of a runbook's thresholds are executed from telemetry that has
 * arrived, and which have no data yet, from {@link SignalStore#signalsSeen}.
 */
public final class SignalCoverage {

    /** One threshold ({@code budgets.usd_per_hour}, {@code tools.lookup_order.error_rate}) and its data, if any. */
    public record Line(String threshold, String series, Instant lastData, long samples) {
        public boolean hasData() {
            return lastData != null;
        }
    }

    private SignalCoverage() {}

    /** The runbook's thresholds and the telemetry the database at {@code jdbi} holds for them (read only). */
    public static List<Line> read(Jdbi jdbi, Runbook runbook) {
        return of(runbook, jdbi.withExtension(SignalStore.class, store -> store.signalsSeen(runbook.workflow())));
    }

    /** Every threshold of the runbook; {@code tools.error_rate} is one line per tool seen, or one without data. */
    public static List<Line> of(Runbook runbook, List<SignalRows.Seen> seen) {
        Map<String, SignalRows.Seen> bySeries = seen.stream().collect(Collectors.toMap(SignalRows.Seen::series, Function.identity()));
        List<Line> lines = new ArrayList<>();
        for (Threshold threshold : Thresholds.of(runbook)) {
            lines.add(line(threshold.id(), threshold.series(), bySeries));
        }
        if (runbook.telemetry().tools() != null) {
            List<String> tools = seen.stream().map(SignalRows.Seen::series).filter(series -> series.startsWith(Series.TOOL)).sorted().toList();
            if (tools.isEmpty()) {
                lines.add(new Line("tools.error_rate", Series.TOOL + "*", null, 0));
            }
            tools.forEach(series -> lines.add(line("tools." + series.substring(Series.TOOL.length()) + ".error_rate", series, bySeries)));
        }
        return lines;
    }

    private static Line line(String id, String series, Map<String, SignalRows.Seen> bySeries) {
        SignalRows.Seen data = bySeries.get(series);
        return data == null ? new Line(id, series, null, 0) : new Line(id, series, data.lastAt(), data.samples());
    }
}
