package dev.threeam.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns results into the chart's panels: throughput ratios, p99 latencies, and memory, each against its target. */
final class ChartPanels {

    private ChartPanels() {}

    static List<Chart.Panel> of(Results results) {
        List<Chart.Panel> panels = new ArrayList<>();
        List<Chart.Bar> ratios = new ArrayList<>();
        Ingestion.Results ingestion = results.ingestion();
        if (ingestion != null) {
            double floor = ingestion.floor() == null ? Double.NaN : ingestion.floorReference();
            double alertmanager = ingestion.alertmanagerReference();
            ratios.add(ratio("SQLite / HTTP floor", ingestion.sqlite(), floor, Targets.SQLITE_VS_FLOOR));
            ratios.add(ratio("SQLite / Alertmanager", ingestion.sqlite(), alertmanager, Targets.VS_ALERTMANAGER));
            ratios.add(ratio("PostgreSQL / HTTP floor", ingestion.postgres(), floor, Targets.POSTGRES_VS_FLOOR));
            ratios.add(ratio("2 replicas / 1 replica", ingestion.replicas(),
                    ingestion.postgres() == null ? Double.NaN : ingestion.postgres().alertsPerSecond(), Targets.REPLICAS_VS_ONE));
        }
        Batches.Results batches = results.batches();
        if (batches != null) {
            double alertmanager = batches.alertmanager() == null ? Double.NaN : batches.alertmanager().alertsPerSecond();
            ratios.add(ratio("100-alert webhooks, SQLite / AM", batches.sqlite(), alertmanager, Targets.VS_ALERTMANAGER));
            ratios.add(ratio("100-alert webhooks, PostgreSQL / AM", batches.postgres(), alertmanager, Targets.VS_ALERTMANAGER));
        }
        if (!ratios.isEmpty()) {
            double max = Math.max(1.5, ratios.stream().mapToDouble(Chart.Bar::value).filter(v -> !Double.isNaN(v)).max().orElse(1) * 1.1);
            panels.add(new Chart.Panel("Peak alerts/s as a share of each reference (black tick = target)", ratios, 0,
                    Math.ceil(max * 2) / 2, false, "×"));
        }
        List<Chart.Bar> latencies = new ArrayList<>();
        if (results.curves() != null) {
            for (LatencyCurve.Curve curve : results.curves()) {
                boolean sqlite = curve.database().equals("sqlite");
                LatencyCurve.Level level = curve.at(0.8);
                double value = level == null ? Double.NaN : level.result().p99Ms();
                latencies.add(new Chart.Bar("p99 ack at 80%, " + (sqlite ? "SQLite" : "PostgreSQL"), value,
                        sqlite ? Targets.SQLITE_P99_MS : Targets.POSTGRES_P99_MS, false, Targets.ms(value)));
            }
        }
        if (results.card() != null) {
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

    private static Chart.Bar ratio(String label, Peak measured, double reference, double target) {
        double value = measured == null || Double.isNaN(reference) ? Double.NaN : measured.alertsPerSecond() / reference;
        return new Chart.Bar(label, value, target, true, String.format(Locale.ROOT, "%.2f×", value));
    }
}
