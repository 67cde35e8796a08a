package dev.threeam.signal;

import dev.threeam.runbook.Runbook;
import java.util.Set;
import java.util.stream.Collectors;

/** Which telemetry a runbook's thresholds read: everything else is dropped at the door. */
record Watch(boolean tokens, boolean usd, boolean latency, boolean ttft, boolean tools, Set<String> quality) {

    static Watch of(Runbook runbook) {
        var budgets = runbook.budgets();
        return new Watch(budgets.containsKey("tokens_per_hour"),
                budgets.containsKey("usd_per_hour") || budgets.containsKey("usd_per_day"),
                runbook.latency().containsKey("p95_seconds"), runbook.latency().containsKey("ttft_p95_seconds"),
                runbook.telemetry().tools() != null,
                runbook.qualitySignals().stream().map(signal -> GenAi.normalize(signal.metric())).collect(Collectors.toSet()));
    }

    boolean quality(String name) {
        return quality.contains(GenAi.normalize(name));
    }

    /** The series a quality signal's values go to. */
    static String qualitySeries(String name) {
        return Series.QUALITY + GenAi.normalize(name);
    }
}
