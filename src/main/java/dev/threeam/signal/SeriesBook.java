package dev.threeam.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The series this replica holds per workflow, capped: a runbook names a handful (tokens, latency, each quality
 * signal), but tool names come from the telemetry, and a workflow sending thousands of them must not grow memory
 * or the tables without bound. A series not seen for a day is forgotten.
 */
final class SeriesBook {

    private final int capPerWorkflow;
    private final Map<String, Map<String, Instant>> held = new ConcurrentHashMap<>();

    SeriesBook(int capPerWorkflow) {
        this.capPerWorkflow = capPerWorkflow;
    }

    /** True when the series is held, or was taken now under the cap. */
    boolean admit(String workflow, String series, Instant now) {
        Map<String, Instant> workflowSeries = held.computeIfAbsent(workflow, w -> new ConcurrentHashMap<>());
        if (workflowSeries.containsKey(series)) {
            workflowSeries.put(series, now);
            return true;
        }
        synchronized (workflowSeries) {
            if (workflowSeries.size() >= capPerWorkflow && !workflowSeries.containsKey(series)) {
                return false;
            }
            workflowSeries.put(series, now);
            return true;
        }
    }

    void forgetOlderThan(Instant before) {
        held.values().forEach(series -> series.values().removeIf(seen -> seen.isBefore(before)));
        held.values().removeIf(Map::isEmpty);
    }

    int size() {
        return held.values().stream().mapToInt(Map::size).sum();
    }

    int cap() {
        return capPerWorkflow;
    }

    static Duration memory() {
        return Duration.ofHours(25);
    }
}
