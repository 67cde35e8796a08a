package dev.threeam.classify;

import static dev.threeam.classify.FailureType.COST_FAILURE;
import static dev.threeam.classify.FailureType.LATENCY_FAILURE;
import static dev.threeam.classify.FailureType.POLICY_FAILURE;
import static dev.threeam.classify.FailureType.PROVIDER_OUTAGE;
import static dev.threeam.classify.FailureType.QUALITY_DRIFT;
import static dev.threeam.classify.FailureType.RETRIEVAL_FAILURE;
import static dev.threeam.classify.FailureType.TOOL_FAILURE;
import static dev.threeam.classify.FailureType.UNCLASSIFIED;
import static dev.threeam.classify.TestAlerts.alert;
import static dev.threeam.classify.TestAlerts.prometheus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Alerts written the way other teams and vendors write them, none taken from the corpus: the rules must read what
 * the signals mean, not the corpus's names.
 */
class UnseenAlertsTest {

    private final Classifier classifier = new Classifier();

    @ParameterizedTest(name = "{0}")
    @MethodSource("alerts")
    void unseen_alerts_are_classified_by_what_their_signals_mean(String name, TestAlerts alert, FailureType expected) {
        Classification got = classifier.classify(alert.build(), List.of());

        assertThat(got.failureType()).as(got.evidence()).isEqualTo(expected);
    }

    static Stream<Arguments> alerts() {
        return Stream.of(
                Arguments.of("Phoenix hallucination eval", alert()
                        .titled("Phoenix hallucination eval flagged 14% of responses on claims-assistant"), QUALITY_DRIFT),
                Arguments.of("Langfuse groundedness score", prometheus("LangfuseScoreBelowTarget",
                        "groundedness score 0.62 for policy-qa (target 0.8)").label("score_name", "groundedness"),
                        QUALITY_DRIFT),
                Arguments.of("unsafe output from a guard model", alert()
                        .titled("Unsafe output rate 2.3% (Llama Guard) on community-bot"), QUALITY_DRIFT),
                Arguments.of("over-refusal after a safety update", alert()
                        .titled("Over-refusal: 12% of benign prompts declined since the safety update"), QUALITY_DRIFT),
                Arguments.of("nDCG drop in a Datadog monitor", alert().from("datadog")
                        .titled("nDCG@5 on product-search dropped to 0.41")
                        .description("Golden query set, nightly run. Reranker model was updated yesterday."),
                        RETRIEVAL_FAILURE),
                Arguments.of("vector database errors are retrieval, not a model provider", prometheus(
                        "VectorStoreQueryErrors", "Qdrant returns 500 on 12% of similarity searches")
                        .label("backend", "qdrant"), RETRIEVAL_FAILURE),
                Arguments.of("knowledge base sync", prometheus("KnowledgeBaseSyncFailed",
                        "Confluence space HR sync to the knowledge base failed 3 runs in a row"), RETRIEVAL_FAILURE),
                Arguments.of("MCP server down", alert()
                        .titled("MCP server 'jira' unreachable: every jira_* tool call fails"), TOOL_FAILURE),
                Arguments.of("third-party API rate-limits a tool", prometheus("SalesforceLookupRateLimited",
                        "lookup_account gets HTTP 429 from the Salesforce API on 18% of calls")
                        .label("gen_ai_tool_name", "lookup_account"), TOOL_FAILURE),
                Arguments.of("function arguments fail schema validation", alert()
                        .titled("Function calling: 7% of generated arguments fail JSON schema validation"),
                        TOOL_FAILURE),
                Arguments.of("PII in responses", alert().from("datadog")
                        .titled("PII detected in chatbot responses (emails, phone numbers)"), POLICY_FAILURE),
                Arguments.of("medical advice not referred", prometheus("MedicalAdviceNotReferred",
                        "Assistant gave dosage recommendations instead of referring to a clinician")
                        .description("Medical advice must be refused and escalated to a nurse line."), POLICY_FAILURE),
                Arguments.of("jailbreak gets past the content filter", alert()
                        .titled("Red-team canary: role-play jailbreaks bypass the content filter"), POLICY_FAILURE),
                Arguments.of("projected bill over budget", alert()
                        .titled("Daily OpenAI bill projected at $1,900 (budget $800)"), COST_FAILURE),
                Arguments.of("tokens per conversation", prometheus("PromptTokensPerConversationHigh",
                        "prompt tokens per conversation doubled after the context window change"), COST_FAILURE),
                Arguments.of("token usage driven by provider retries stays cost", alert()
                        .titled("Token usage up 4x: retries on OpenAI 429s resend the full context"), COST_FAILURE),
                Arguments.of("TTFT on a named model stays latency", prometheus("HaikuTTFTHigh",
                        "TTFT p99 4.2s on claude-3-5-haiku (SLO 1s)").label("gen_ai_provider_name", "anthropic"),
                        LATENCY_FAILURE),
                Arguments.of("agent wall-clock", alert().titled("Agent run wall-clock p95 above 60s"), LATENCY_FAILURE),
                Arguments.of("whole-request timeouts", alert()
                        .titled("Request timeouts: 6% of /v1/chat requests exceed the 30s limit"), LATENCY_FAILURE),
                Arguments.of("Bedrock throttling", alert()
                        .titled("Bedrock ThrottlingException on 9% of anthropic.claude-3-sonnet invocations"),
                        PROVIDER_OUTAGE),
                Arguments.of("Vertex 503", prometheus("VertexGeminiUnavailable",
                        "Vertex AI Gemini returns 503 UNAVAILABLE for europe-west4"), PROVIDER_OUTAGE),
                Arguments.of("slowness blamed on an overloaded provider", prometheus("ChatLatencyP95High",
                        "chat p95 8.1s (SLO 4s)")
                        .description("Upstream Anthropic API answering 529 overloaded; the SDK retries with backoff."),
                        PROVIDER_OUTAGE),
                Arguments.of("gateway falling back", prometheus("LLMGatewayFallbackActive",
                        "LiteLLM routing to the fallback: primary Azure OpenAI deployment returning 500s"),
                        PROVIDER_OUTAGE),
                Arguments.of("structured output that does not parse", prometheus("StructuredOutputParseFailures",
                        "8% of answers fail output parsing"), QUALITY_DRIFT),
                Arguments.of("wrong tool chosen", alert()
                        .titled("Tool selection accuracy dropped: wrong tool chosen 15%"), TOOL_FAILURE),
                Arguments.of("copyrighted output", alert().titled("Copyrighted lyrics reproduced in outputs"),
                        POLICY_FAILURE),
                Arguments.of("streaming stalls", alert().titled("Streaming responses stalling for 10s+"),
                        LATENCY_FAILURE),
                Arguments.of("LLM request errors with no vendor named", alert()
                        .titled("LLM request error rate 12% on checkout-assistant"), PROVIDER_OUTAGE),
                Arguments.of("a failed batch job is not an AI failure", prometheus("KubeJobFailed",
                        "Job ingest-cron failed to complete"), UNCLASSIFIED),
                Arguments.of("cache evictions are not an AI failure", alert().from("datadog")
                        .titled("Redis evictions above 1000/s on cache-prod"), UNCLASSIFIED),
                Arguments.of("disk is not an AI failure", prometheus("NodeFilesystemAlmostOutOfSpace",
                        "Filesystem on /var has 3% space left").label("instance", "node-7"), UNCLASSIFIED),
                Arguments.of("CPU is not an AI failure", prometheus("HighCPUUsage",
                        "CPU usage above 95% for 10m on worker-3"), UNCLASSIFIED),
                Arguments.of("replication lag is not an AI failure", prometheus("PostgresReplicationLagHigh",
                        "replica lag 45s on orders-db-2"), UNCLASSIFIED),
                Arguments.of("nginx 5xx without any AI signal", prometheus("IngressHigh5xxRate",
                        "ingress returns 503 on 4% of requests").label("status_code", "503"), UNCLASSIFIED));
    }
}
