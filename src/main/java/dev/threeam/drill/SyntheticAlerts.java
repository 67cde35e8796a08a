package dev.threeam.drill;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertStatus;
import dev.threeam.classify.FailureType;
import dev.threeam.runbook.Runbook;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A realistic alert for a drill: what a monitoring system would send for this workflow and failure type, built
 * from the runbook's own signals (its quality metric and threshold, budget, latency target) where it has them. Its
 * title carries no marker: every message of a drill's thread, and its postmortem, already say DRILL once.
 */
final class SyntheticAlerts {

    private SyntheticAlerts() {}

    static Alert of(Runbook runbook, FailureType type, Instant now) {
        String workflow = runbook.workflow();
        Map<String, String> labels = new HashMap<>(Map.of("service", workflow, "severity", "critical", "drill", "true"));
        String name;
        String summary;
        String description;
        switch (type) {
            case QUALITY_DRIFT -> {
                String metric = runbook.qualitySignals().isEmpty() ? "faithfulness" : runbook.qualitySignals().get(0).metric();
                String threshold = runbook.qualitySignals().isEmpty() ? ">= 0.85" : runbook.qualitySignals().get(0).threshold();
                name = "EvalScoreBelowThreshold";
                labels.put("metric", metric);
                summary = metric + " eval 0.61 on sampled answers, threshold " + threshold;
                description = "LLM-judge evaluation of the last 500 sampled answers dropped after the latest rollout.";
            }
            case RETRIEVAL_FAILURE -> {
                name = "RetrievalRecallAt5Low";
                labels.put("metric", "recall_at_5");
                summary = "recall@5 0.38 against the golden set (SLO 0.7); empty-context rate 21%";
                description = "Retriever returns weak or missing sources; citations point at documents outside the retrieved set.";
            }
            case TOOL_FAILURE -> {
                name = "ToolCallErrorRateHigh";
                labels.put("tool", "lookup_order");
                summary = "tool call error rate 24% for lookup_order: response schema validation failed";
                description = "The tool's response no longer matches the schema the agent was given.";
            }
            case POLICY_FAILURE -> {
                name = "ShouldRefuseProbesAnswered";
                labels.put("probe_set", "should-refuse");
                summary = "should-refuse probes answered: 38% (baseline 3%)";
                description = "The assistant answers requests it must refuse or escalate (policy breach).";
            }
            case COST_FAILURE -> {
                Double budget = runbook.budgets().get("usd_per_day");
                name = "TokenSpendOverBudget";
                labels.put("metric", "gen_ai_client_token_usage");
                summary = "spend on track for " + (budget == null ? "4x the daily budget" : "$" + Math.round(budget * 4) + "/day against a $" + Math.round(budget) + " budget");
                description = "Tokens per request quadrupled on the main route.";
            }
            case LATENCY_FAILURE -> {
                Double p95 = runbook.latency().get("p95_seconds");
                name = "AnswerLatencyP95High";
                labels.put("metric", "gen_ai_client_operation_duration_seconds");
                summary = "p95 latency " + (p95 == null ? "12 s" : Math.round(p95 * 3) + " s against a " + Math.round(p95) + " s target");
                description = "Answers are correct but too slow for users to stay in the flow.";
            }
            case PROVIDER_OUTAGE -> {
                name = "ModelProvider5xxRateHigh";
                labels.put("gen_ai_provider_name", "openai");
                labels.put("error_type", "503");
                summary = "model provider returns 503 for 31% of calls";
                description = "The upstream model API is erroring; the provider status page reports degraded service.";
            }
            default -> {
                name = "DrillAlert";
                summary = "synthetic drill alert";
                description = "A drill.";
            }
        }
        labels.put("alertname", name);
        return new Alert("drill", "drill:" + workflow + ":" + type.id() + ":" + now.toEpochMilli(), AlertStatus.FIRING,
                summary, "critical", null, workflow, labels,
                Map.of("summary", summary, "description", description), Map.of(), now, null);
    }
}
