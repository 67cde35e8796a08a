package dev.threeam.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns results into the chart's two panels: ingestion ratios, and latencies against their targets. */
final class ChartPanels {

    private ChartPanels() {}

    static List<Chart.Panel> of(Results results) {
        List<Chart.Panel> panels = new ArrayList<>();
        Ingestion.Results ingestion = results.ingestion();
        if (ingestion != null) {
            List<Chart.Bar> ratios = new ArrayList<>();
            double floor = ingestion.floor().perSecond();
            double alertmanager = ingestion.alertmanager() == null ? Double.NaN : ingestion.alertmanager().perSecond();
            ratios.add(ratio("SQLite / HTTP floor", ingestion.sqlitePeak(), floor, 0.5));
            ratios.add(ratio("PostgreSQL / HTTP floor", ingestion.postgresPeak(), floor, 0.5));
            ratios.add(ratio("SQLite / Alertmanager", ingestion.sqlitePeak(), alertmanager, 1.0));
            ratios.add(ratio("PostgreSQL / Alertmanager", ingestion.postgresPeak(), alertmanager, 1.0));
            double max = Math.max(1.5, ratios.stream().mapToDouble(Chart.Bar::value).filter(v -> !Double.isNaN(v)).max().orElse(1) * 1.1);
            panels.add(new Chart.Panel("Ingestion: 3am's alerts/s as a share of each reference (32 connections)", ratios, 0,
                    Math.ceil(max * 2) / 2, false, "×"));
        }
        List<Chart.Bar> latencies = new ArrayList<>();
        if (ingestion != null) {
            latencies.add(latency("p99 ack at 80% load, SQLite", ingestion.sqliteAt80(), 25));
            latencies.add(latency("p99 ack at 80% load, PostgreSQL", ingestion.postgresAt80(), 25));
        }
        if (results.card() != null) {
            latencies.add(new Chart.Bar("alert to card p50", results.card().p50Ms(), 200, false, Targets.ms(results.card().p50Ms())));
            latencies.add(new Chart.Bar("alert to card p99", results.card().p99Ms(), 200, false, Targets.ms(results.card().p99Ms())));
        }
        if (results.startup() != null) {
            latencies.add(new Chart.Bar("start-up to ready (median)", results.startup().medianMs(), 3000, false,
                    Targets.ms(results.startup().medianMs())));
        }
        if (!latencies.isEmpty()) {
            panels.add(new Chart.Panel("Latencies (ms, logarithmic)", latencies, 1, 10_000, true, "ms"));
        }
        if (results.storm() != null || results.startup() != null) {
            List<Chart.Bar> memory = new ArrayList<>();
            if (results.storm() != null) {
                memory.add(new Chart.Bar("peak RSS in the storm", results.storm().peakRssMib(), 512, false, Targets.mib(results.storm().peakRssMib())));
            }
            if (results.startup() != null) {
                memory.add(new Chart.Bar("idle RSS after start-up", results.startup().idleRssMib(), 200, false, Targets.mib(results.startup().idleRssMib())));
            }
            double max = Math.max(600, memory.stream().mapToDouble(Chart.Bar::value).max().orElse(0) * 1.1);
            panels.add(new Chart.Panel("Memory (MiB)", memory, 0, Math.ceil(max / 100) * 100, false, "MiB"));
        }
        return panels;
    }

    private static Chart.Bar ratio(String label, LoadResult measured, double reference, double target) {
        double value = measured == null || Double.isNaN(reference) ? Double.NaN : measured.perSecond() / reference;
        return new Chart.Bar(label, value, target, true, String.format(Locale.ROOT, "%.2f×", value));
    }

    private static Chart.Bar latency(String label, LoadResult measured, double target) {
        double value = measured == null ? Double.NaN : measured.p99Ms();
        return new Chart.Bar(label, value, target, false, Targets.ms(value));
    }
}
