package dev.threeam.classify;

import static dev.threeam.classify.FailureType.COST_FAILURE;
import static dev.threeam.classify.FailureType.LATENCY_FAILURE;
import static dev.threeam.classify.FailureType.POLICY_FAILURE;
import static dev.threeam.classify.FailureType.PROVIDER_OUTAGE;
import static dev.threeam.classify.FailureType.QUALITY_DRIFT;
import static dev.threeam.classify.FailureType.RETRIEVAL_FAILURE;
import static dev.threeam.classify.FailureType.TOOL_FAILURE;
import static dev.threeam.classify.FailureType.UNCLASSIFIED;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The built-in vocabulary of each failure type, as data (one class per type). Weights: 1.0 for words that name
 * the type outright, 0.8–0.9 for strong hints, 0.4–0.7 for words that need help from elsewhere. The
 * {@link CauseOverride}s settle cause against symptom.
 */
final class BuiltInRules {

    static final List<SignalRule> RULES = Stream.of(QualityRules.RULES, RetrievalRules.RULES, ToolRules.RULES,
            PolicyRules.RULES, CostRules.RULES, LatencyRules.RULES, ProviderRules.RULES, InfrastructureRules.RULES)
            .flatMap(List::stream).toList();

    /** Cause over symptom, tried in order once the scores have spoken. */
    static final List<CauseOverride> OVERRIDES = List.of(
            new CauseOverride(LATENCY_FAILURE, PROVIDER_OUTAGE, ProviderRules.ERRORS, 0.5,
                    "provider errors explain the latency"),
            new CauseOverride(LATENCY_FAILURE, PROVIDER_OUTAGE, ProviderRules.CHANGED, 0.5,
                    "the provider changed the model"),
            new CauseOverride(TOOL_FAILURE, POLICY_FAILURE, PolicyRules.BREACHES, 0.5,
                    "the tool call did what the policy forbids", ToolRules.ERRORED),
            new CauseOverride(QUALITY_DRIFT, PROVIDER_OUTAGE, ProviderRules.CHANGED, 0.5,
                    "the provider changed the model"),
            new CauseOverride(TOOL_FAILURE, PROVIDER_OUTAGE, ProviderRules.CHANGED, 0.5,
                    "the provider changed the model"),
            new CauseOverride(POLICY_FAILURE, PROVIDER_OUTAGE, ProviderRules.CHANGED, 0.5,
                    "the provider changed the model", PolicyRules.BREACHES),
            new CauseOverride(TOOL_FAILURE, PROVIDER_OUTAGE, ProviderRules.ERRORS, 0.55,
                    "the tool call failed at the model provider"),
            new CauseOverride(TOOL_FAILURE, RETRIEVAL_FAILURE, RetrievalRules.CONTENT, 0.45,
                    "the failure is in what the tool gave the model to read"),
            new CauseOverride(QUALITY_DRIFT, RETRIEVAL_FAILURE, RetrievalRules.CONTENT, 0.45,
                    "the answers are only as good as what they were given to read"),
            new CauseOverride(LATENCY_FAILURE, TOOL_FAILURE, ToolRules.CALLS, 0.5,
                    "the time goes into tool calls"),
            new CauseOverride(RETRIEVAL_FAILURE, QUALITY_DRIFT, Set.of(QualityRules.MEASURED_ON_OUTPUT.name()), 0.5,
                    "the metric is measured on the output, not on what was retrieved", RetrievalRules.CONTENT));

    /**
     * On a tie of scores, the more specific type wins: a policy breach over anything, cost over the provider
     * retries that caused it, a provider outage over the tool or latency it shows through; infrastructure last.
     */
    static final List<FailureType> TIE_ORDER = List.of(POLICY_FAILURE, COST_FAILURE, PROVIDER_OUTAGE,
            TOOL_FAILURE, RETRIEVAL_FAILURE, QUALITY_DRIFT, LATENCY_FAILURE, UNCLASSIFIED);

    private BuiltInRules() {}
}
