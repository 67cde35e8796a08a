package dev.threeam.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.alert.Alert;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A breach reads as an alert a person understands, with the numbers behind it. */
class BreachAlertsTest {

    static final Instant STARTED = Instant.parse("2026-11-28T02:00:00Z");

    @Test
    void a_cost_breach_carries_the_spend_the_budget_the_window_the_samples_and_the_projected_burn() {
        Threshold budget = new Threshold("support-chat", "budgets.usd_per_hour", SignalKind.USD_PER_HOUR, Series.USD, null,
                Comparison.atMost(150), Duration.ofHours(1), Duration.ofMinutes(2), 0);
        Alert alert = BreachAlerts.firing(budget, new Reading(212.4, 1234, 0, Duration.ofHours(1), 212.4 * 24), STARTED);
        assertThat(alert.source()).isEqualTo("otel");
        assertThat(alert.fingerprint()).isEqualTo("otel:support-chat:budgets.usd_per_hour");
        assertThat(alert.workflow()).isEqualTo("support-chat");
        assertThat(alert.labels()).containsEntry("failure_type", "cost_failure");
        assertThat(alert.title()).isEqualTo("support-chat: cost $212/h over the $150/h budget");
        assertThat(alert.annotations().get("evidence")).isEqualTo("cost $212.40 over the last 1 h (threshold budgets.usd_per_hour <= 150),"
                + " from 1,234 samples; at this rate $5,098 today, budget $3,600 (24 × $150/h)");
        assertThat(alert.values()).containsEntry("value", "212.4").containsEntry("threshold", "150").containsEntry("samples", "1234")
                .containsEntry("window_seconds", "3600").containsEntry("projected_usd_per_day", "5097.6");
        assertThat(alert.startsAt()).isEqualTo(STARTED);
    }

    @Test
    void the_daily_budget_projects_against_itself() {
        Threshold daily = new Threshold("support-chat", "budgets.usd_per_day", SignalKind.USD_PER_DAY, Series.USD, null,
                Comparison.atMost(150), Duration.ofHours(24), Duration.ofMinutes(2), 0);
        assertThat(BreachAlerts.evidence(daily, new Reading(180, 40, 0, Duration.ofHours(24), 610)))
                .endsWith("; at this rate $610 today, budget $150");
    }

    @Test
    void latency_quality_and_tool_breaches_name_their_measure() {
        Threshold p95 = new Threshold("support-chat", "latency.p95_seconds", SignalKind.LATENCY_P95, Series.LATENCY, null,
                Comparison.atMost(4), Duration.ofMinutes(10), Duration.ofMinutes(2), 10);
        assertThat(BreachAlerts.evidence(p95, Reading.of(6.3, 40, Duration.ofMinutes(10))))
                .isEqualTo("p95 latency 6.3 s over the last 10 min (threshold latency.p95_seconds <= 4), from 40 samples");
        Threshold quality = new Threshold("support-chat", "quality.helpfulness", SignalKind.QUALITY, "quality:helpfulness", "helpfulness",
                Comparison.parse(">= 0.75"), Duration.ofSeconds(30), Duration.ofSeconds(1), 5);
        assertThat(BreachAlerts.firing(quality, Reading.of(0.62, 25, Duration.ofSeconds(30)), STARTED).annotations().get("evidence"))
                .isEqualTo("mean helpfulness 0.62 over the last 30 s (threshold quality.helpfulness >= 0.75), from 25 samples");
        Threshold tool = Thresholds.tool(runbookWithTools(), "lookup_order");
        Alert alert = BreachAlerts.firing(tool, new Reading(0.3, 40, 12, Duration.ofMinutes(10), Double.NaN), STARTED);
        assertThat(alert.annotations().get("evidence"))
                .isEqualTo("tool lookup_order error rate 0.3 over the last 10 min (threshold tools.lookup_order.error_rate < 0.05), 12 of 40 calls failed");
        assertThat(alert.labels()).containsEntry("failure_type", "tool_failure").containsEntry("tool", "lookup_order");
        assertThat(BreachAlerts.resolved(tool, new Reading(0.0, 20, 0, Duration.ofMinutes(10), Double.NaN), STARTED).title())
                .isEqualTo("support-chat: tool lookup_order error rate back within threshold < 0.05 (0)");
    }

    private static dev.threeam.runbook.Runbook runbookWithTools() {
        return new dev.threeam.runbook.Runbook("support-chat", "t", java.util.List.of(), null, java.util.Map.of(), java.util.Map.of(),
                java.util.List.of(), java.util.Map.of(), java.util.Map.of(), null, java.util.List.of(), null, java.util.List.of(),
                java.util.List.of(), java.util.Map.of(), java.util.List.of(), null,
                new dev.threeam.runbook.Telemetry(null, null, new dev.threeam.runbook.Telemetry.Tools("< 0.05", null), java.util.Map.of()));
    }
}
