package dev.threeam.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertParsers;
import dev.threeam.common.Json;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Alerts written the way other teams word them, one generic alert JSON per line with the type an on-call would
 * give it ({@code t}). Written for issue 13 as the development set's companion (none comes from a corpus): the
 * traps of points 1–5 (names that look like evidence, ruled-out causes, infrastructure behind AI services, policy in
 * its many phrasings, retrieval carried by tools, provider-side changes) in every type.
 */
class TeamStyleAlertsTest {

    private static final String ALERTS = """
            {"t": "quality_drift", "a": {"title": "Summaries for Dutch claims switched to English", "annotations": {"description": "Since 10:00 about a third of NL summaries come back in English; the prompt asks for the claim language."}}}
            {"t": "quality_drift", "a": {"title": "Code suggestions acceptance rate fell from 31% to 18%", "labels": {"service": "copilot-edge"}}}
            {"t": "retrieval_failure", "a": {"title": "Answers quote the 2022 travel policy", "annotations": {"description": "The new policy PDF was uploaded Monday but the crawler skipped it; the bot keeps citing the superseded one."}}}
            {"t": "retrieval_failure", "a": {"title": "Vector search returning near-duplicate chunks", "annotations": {"description": "Top-10 results are the same FAQ paragraph repeated; context has no room for the relevant article."}}}
            {"t": "retrieval_failure", "a": {"title": "Hybrid search: BM25 leg returning nothing since the analyzer change", "labels": {"team": "search-platform"}}}
            {"t": "tool_failure", "a": {"title": "create_ticket calls rejected: Jira API returns 400 'customfield_10042 is required'", "labels": {"gen_ai_tool_name": "create_ticket"}}}
            {"t": "tool_failure", "a": {"title": "Weather lookup plugin timing out for 40% of trip plans"}}
            {"t": "tool_failure", "a": {"title": "Agent calls get_order with order_id as an integer; the API wants a string", "annotations": {"description": "Model emits {\\"order_id\\": 12345}; the orders service answers 422."}}}
            {"t": "policy_failure", "a": {"title": "Assistant told a user how to disable the parental controls"}}
            {"t": "policy_failure", "a": {"title": "Bot shared an internal-only roadmap slide with an external customer"}}
            {"t": "policy_failure", "a": {"title": "Loan assistant predicted approval odds for applicants", "annotations": {"description": "It must never state whether a loan will be approved; underwriting decides."}}}
            {"t": "cost_failure", "a": {"title": "Embedding re-index used 1.8B tokens overnight (plan: 200M)"}}
            {"t": "cost_failure", "a": {"title": "Anthropic invoice forecast for November at 3.1x last month"}}
            {"t": "cost_failure", "a": {"title": "Agent loop: single session made 412 model calls", "annotations": {"description": "One user conversation kept re-planning; 2.3M tokens in an hour."}}}
            {"t": "latency_failure", "a": {"title": "Voice agent turn latency p90 2.8s (target 1.2s)"}}
            {"t": "latency_failure", "a": {"title": "Checkout assistant answers take 14s on average", "annotations": {"description": "No errors; the planner now does three sequential model calls."}}}
            {"t": "provider_outage", "a": {"title": "Gemini API returning 503 UNAVAILABLE in us-central1"}}
            {"t": "provider_outage", "a": {"title": "OpenAI: elevated error rates on gpt-4.1 per status.openai.com", "labels": {"service": "support-answers"}}}
            {"t": "provider_outage", "a": {"title": "Same prompts, different answers since the vendor rolled a new Claude snapshot", "annotations": {"description": "We did not deploy anything; pinned alias resolved to a newer model version."}}}
            {"t": "provider_outage", "a": {"title": "Bedrock InvokeModel ThrottlingException on 30% of requests"}}
            {"t": "unclassified", "a": {"title": "Kafka consumer lag for chat-events topic above 50k"}}
            {"t": "unclassified", "a": {"title": "Node gpu-node-4 NotReady", "labels": {"node": "gpu-node-4"}}}
            {"t": "unclassified", "a": {"title": "Redis memory usage 92% on session-cache"}}
            {"t": "unclassified", "a": {"title": "HPA for rag-api at max replicas for 30m"}}
            {"t": "unclassified", "a": {"title": "Let's Encrypt certificate renewal failed for assistant.example.com"}}
            {"t": "retrieval_failure", "a": {"title": "Knowledge base search answers in 30ms but every result is from the archived space", "annotations": {"description": "Latency is great and the tool reports success."}}}
            {"t": "policy_failure", "a": {"title": "Prompt injection in a support email made the agent forward the thread to an outside address"}}
            {"t": "quality_drift", "a": {"title": "LLM judge: helpfulness 3.1/5 (was 4.2) on billing questions", "annotations": {"description": "Retrieval hit rate unchanged at 0.91."}}}
            {"t": "tool_failure", "a": {"title": "MCP filesystem server returns schema the agent cannot parse"}}
            {"t": "latency_failure", "a": {"title": "Embedding service p99 latency 2.4s", "annotations": {"description": "Queries still return the right documents, just slowly."}}}
            {"t": "retrieval_failure", "a": {"title": "SharePointConnectorSyncStalled", "labels": {"alertname": "SharePointConnectorSyncStalled", "service": "docs-qa"}, "annotations": {"summary": "SharePoint connector has not synced since Tuesday", "description": "New HR pages are not searchable; answers fall back to older pages."}}}
            {"t": "retrieval_failure", "a": {"title": "Reranker drops the right passage", "annotations": {"description": "The cross-encoder puts the correct passage at rank 14 after the model update; top-5 cut keeps it out of the prompt."}}}
            {"t": "retrieval_failure", "a": {"title": "Document-level security hides 80% of sources for contractors", "labels": {"tool": "search_docs"}}}
            {"t": "quality_drift", "a": {"title": "Summaries too long: median 620 words (limit 250)", "annotations": {"description": "Prompt v12 dropped the length instruction."}}}
            {"t": "quality_drift", "a": {"title": "Translation COMET score 0.71 on de-en (baseline 0.84)"}}
            {"t": "quality_drift", "a": {"title": "Thumbs-down rate doubled on the assistant", "annotations": {"description": "Sources are right and fresh; users complain the tone is curt and answers are vague."}}}
            {"t": "tool_failure", "a": {"title": "calendar_create_event failing with 401 since token rotation", "labels": {"gen_ai_tool_name": "calendar_create_event", "error_type": "401"}}}
            {"t": "tool_failure", "a": {"title": "SQL tool: 12% of generated queries fail to execute (syntax error)", "annotations": {"description": "The warehouse is healthy; queries reference a column renamed yesterday."}}}
            {"t": "tool_failure", "a": {"title": "Shipping API changed its response: 'eta' is now 'estimated_delivery'; track_parcel returns null"}}
            {"t": "policy_failure", "a": {"title": "Tutor bot wrote the student's graded essay for them", "annotations": {"description": "Academic integrity rule: the bot explains and gives feedback, it never writes graded work."}}}
            {"t": "policy_failure", "a": {"title": "Moderation classifier passes hate speech in Portuguese", "annotations": {"description": "Guardrail misses: 7 of 40 red-team prompts in pt-BR got through."}}}
            {"t": "policy_failure", "a": {"title": "Pharmacy bot confirmed a prescription refill without pharmacist sign-off"}}
            {"t": "cost_failure", "a": {"title": "gpt-4.1 route handling 100% of traffic (expected 10%)", "annotations": {"description": "Router flag stuck on the premium model; spend per day up 6x."}}}
            {"t": "cost_failure", "a": {"title": "Reasoning tokens per request up 5x after enabling high effort"}}
            {"t": "cost_failure", "a": {"title": "Daily LLM spend forecast exceeds monthly budget in 9 days", "labels": {"team": "latency-squad"}}}
            {"t": "latency_failure", "a": {"title": "Time to first audio 1.9s on the voice line (SLO 800ms)"}}
            {"t": "latency_failure", "a": {"title": "Research agent runs take 6 minutes (was 90s)", "annotations": {"description": "Tool calls all succeed quickly; the extra time is the model thinking longer."}}}
            {"t": "latency_failure", "a": {"title": "Streaming stalls mid-answer for 5-8s", "annotations": {"description": "OpenAI is healthy per their status page; our proxy buffers chunks."}}}
            {"t": "provider_outage", "a": {"title": "Azure OpenAI deployment eastus2 returning 429 with quota exhausted", "labels": {"deployment": "gpt4o-eastus2"}}}
            {"t": "provider_outage", "a": {"title": "Cohere rerank API 502 Bad Gateway", "annotations": {"description": "Every rerank call fails; retrieval falls back to vector order."}}}
            {"t": "provider_outage", "a": {"title": "Model deprecation: claude-2.1 returns 404 not_found_error since today"}}
            {"t": "provider_outage", "a": {"title": "Answers changed style overnight", "annotations": {"description": "No change on our side (prompt, route, index untouched). OpenAI shipped an update to gpt-4o-latest at 01:00."}}}
            {"t": "unclassified", "a": {"title": "PVC data-qdrant-0 is 95% full", "labels": {"persistentvolumeclaim": "data-qdrant-0"}}}
            {"t": "unclassified", "a": {"title": "ImagePullBackOff for llm-router deployment"}}
            {"t": "unclassified", "a": {"title": "etcd has no leader"}}
            {"t": "unclassified", "a": {"title": "Daily backup of the conversations database failed"}}
            {"t": "unclassified", "a": {"title": "GPU node temperature high on inference-pool-2", "annotations": {"description": "Throttling not yet affecting requests; latency and errors are normal."}}}
            {"t": "retrieval_failure", "a": {"title": "kb_lookup tool: 100% success, 0.9s, but returns the same 3 generic articles for every query"}}
            {"t": "tool_failure", "a": {"title": "Agent picks refund_order instead of lookup_order for status questions", "annotations": {"description": "Tool selection accuracy 71% on the routing eval."}}}
            {"t": "policy_failure", "a": {"title": "Assistant answered questions about a patient it was not authorised to see", "annotations": {"description": "Another patient's chart shown in 4 chats after the tenant filter change."}}}
            {"t": "quality_drift", "a": {"title": "AnswerCorrectnessLow: answer_correctness 0.69 on nightly golden set", "labels": {"alertname": "AnswerCorrectnessLow", "service": "faq-bot"}, "annotations": {"summary": "answer_correctness 0.69 on nightly golden set", "description": "Regression started with prompt v31."}}}
            {"t": "quality_drift", "a": {"title": "JsonModeInvalid: 9% of extraction outputs are not valid JSON", "labels": {"alertname": "JsonModeInvalid", "service": "invoice-extractor", "gen_ai_request_model": "gpt-4o-mini"}, "annotations": {"summary": "9% of extraction outputs are not valid JSON"}}}
            {"t": "retrieval_failure", "a": {"title": "IndexFreshnessLag: product index 3 days behind catalog", "labels": {"alertname": "IndexFreshnessLag", "service": "shop-assistant"}, "annotations": {"summary": "product index 3 days behind catalog"}}}
            {"t": "retrieval_failure", "a": {"title": "RetrievalEmptyRate: 18% of queries retrieve 0 chunks", "labels": {"alertname": "RetrievalEmptyRate", "service": "support-rag"}, "annotations": {"summary": "18% of queries retrieve 0 chunks", "description": "Vector DB healthy, latency normal; new tokenizer in the query encoder."}}}
            {"t": "retrieval_failure", "a": {"title": "GroundingSourcesMissing: answers without any grounding source 27%", "labels": {"alertname": "GroundingSourcesMissing", "service": "legal-qa"}, "annotations": {"summary": "answers without any grounding source 27%"}}}
            {"t": "tool_failure", "a": {"title": "ToolCallErrorRate: tool error rate 22%", "labels": {"alertname": "ToolCallErrorRate", "gen_ai_tool_name": "search_flights", "error_type": "HTTPStatusError"}, "annotations": {"summary": "tool error rate 22%"}}}
            {"t": "tool_failure", "a": {"title": "McpServerUnreachable: MCP server github unreachable", "labels": {"alertname": "McpServerUnreachable", "service": "dev-agent"}, "annotations": {"summary": "MCP server github unreachable"}}}
            {"t": "policy_failure", "a": {"title": "PiiInResponses: PII detector flags 1.8% of responses", "labels": {"alertname": "PiiInResponses", "service": "hr-bot"}, "annotations": {"summary": "PII detector flags 1.8% of responses"}}}
            {"t": "policy_failure", "a": {"title": "UnapprovedDiscountOffered: assistant offered 30% discount (max 15%)", "labels": {"alertname": "UnapprovedDiscountOffered", "service": "sales-chat"}, "annotations": {"summary": "assistant offered 30% discount (max 15%)"}}}
            {"t": "cost_failure", "a": {"title": "TokenBudgetBurn: token budget for the month 80% used on day 9", "labels": {"alertname": "TokenBudgetBurn", "service": "summarizer"}, "annotations": {"summary": "token budget for the month 80% used on day 9"}}}
            {"t": "cost_failure", "a": {"title": "LLMCostPerRequestHigh: cost per request $0.42 vs $0.08 baseline", "labels": {"alertname": "LLMCostPerRequestHigh", "service": "doc-chat"}, "annotations": {"summary": "cost per request $0.42 vs $0.08 baseline"}}}
            {"t": "latency_failure", "a": {"title": "TTFTHigh: TTFT p95 3.8s", "labels": {"alertname": "TTFTHigh", "gen_ai_provider_name": "anthropic", "service": "chat"}, "annotations": {"summary": "TTFT p95 3.8s"}}}
            {"t": "latency_failure", "a": {"title": "AgentStepDuration: planner step duration p95 41s", "labels": {"alertname": "AgentStepDuration", "service": "ops-agent"}, "annotations": {"summary": "planner step duration p95 41s", "description": "Model answers normally; tool calls normal."}}}
            {"t": "provider_outage", "a": {"title": "LLMUpstreamErrors: upstream 503 from OpenAI on 35% of calls", "labels": {"alertname": "LLMUpstreamErrors", "service": "chat", "gen_ai_provider_name": "openai"}, "annotations": {"summary": "upstream 503 from OpenAI on 35% of calls"}}}
            {"t": "provider_outage", "a": {"title": "ProviderOverloaded: Anthropic 529 overloaded_error 12%", "labels": {"alertname": "ProviderOverloaded", "service": "writer"}, "annotations": {"summary": "Anthropic 529 overloaded_error 12%"}}}
            {"t": "unclassified", "a": {"title": "KubePodNotReady: Pod ml/embedder-5b7c9-kd8s2 not ready for 15m", "labels": {"alertname": "KubePodNotReady", "pod": "embedder-5b7c9-kd8s2", "namespace": "ml"}, "annotations": {"summary": "Pod ml/embedder-5b7c9-kd8s2 not ready for 15m"}}}
            {"t": "unclassified", "a": {"title": "CertManagerCertNotReady: certificate chat-tls not ready", "labels": {"alertname": "CertManagerCertNotReady", "namespace": "chat"}, "annotations": {"summary": "certificate chat-tls not ready"}}}
            {"t": "unclassified", "a": {"title": "NodeMemoryHighUtilization: node gpu-3 memory at 96%", "labels": {"alertname": "NodeMemoryHighUtilization", "instance": "gpu-3:9100"}, "annotations": {"summary": "node gpu-3 memory at 96%"}}}
            {"t": "quality_drift", "a": {"title": "Hallucination rate 6% on product answers (target < 2%)", "labels": {"service": "shop-assistant"}, "annotations": {"description": "Citations resolve, retrieval recall normal; the model adds specs that are not in the sources."}}}
            {"t": "retrieval_failure", "a": {"title": "Answers cite last year's pricing page", "labels": {}, "annotations": {"description": "The crawler's robots change excluded /pricing; the index keeps the 2025 copy."}}}
            {"t": "tool_failure", "a": {"title": "Booking tool returns 500 for every hotel search", "labels": {"tool": "book_hotel"}, "annotations": {"description": "Internal booking backend deploy at 09:12."}}}
            {"t": "policy_failure", "a": {"title": "Bot gave a user a step-by-step to exploit a SQL injection", "labels": {}, "annotations": {"description": "Security policy: refuse exploitation help."}}}
            {"t": "cost_failure", "a": {"title": "Prompt caching disabled after SDK upgrade: input tokens billed at full price", "labels": {}}}
            {"t": "latency_failure", "a": {"title": "Queue wait for GPU inference 12s at peak", "labels": {}, "annotations": {"description": "Generation itself is fast once scheduled."}}}
            {"t": "provider_outage", "a": {"title": "Vertex AI: model gemini-1.5-pro retired, calls fail with 404", "labels": {}}}
            {"t": "unclassified", "a": {"title": "Disk latency high on postgres-primary", "labels": {}, "annotations": {"description": "io wait 40%"}}}
            {"t": "retrieval_failure", "a": {"title": "Search tool returns results in Japanese for English queries", "labels": {}, "annotations": {"description": "Language filter on the index broken since the reindex."}}}
            {"t": "policy_failure", "a": {"title": "Customer service bot disclosed another user's order history", "labels": {}}}
            {"t": "quality_drift", "a": {"title": "Sampled review: 14% of replies contradict the refund policy text provided in context", "labels": {}}}
            {"t": "tool_failure", "a": {"title": "Code agent's run_tests tool exceeds its 120s timeout on 30% of calls", "labels": {}}}
            {"t": "latency_failure", "a": {"title": "Some chat requests never complete before the 30s client timeout", "labels": {}, "annotations": {"description": "p99 at 31s; no errors upstream."}}}
            {"t": "tool_failure", "a": {"title": "send_invoice tool fails: missing authorization header after the gateway change", "labels": {"tool": "send_invoice"}}}
            {"t": "provider_outage", "a": {"title": "OpenAI API key revoked: every completion call returns 401", "labels": {}, "annotations": {"description": "Security rotated the key by mistake."}}}
            {"t": "tool_failure", "a": {"title": "Requests to the CRM are automatically rejected with 403 since the IP allowlist change", "labels": {"gen_ai_tool_name": "crm_lookup"}}}
            {"t": "latency_failure", "a": {"title": "Answer latency must stay under 4s; p95 now 7.3s", "labels": {}}}
            {"t": "quality_drift", "a": {"title": "Billing support bot: answer correctness 0.72 on the weekly eval", "labels": {}}}
            {"t": "cost_failure", "a": {"title": "Billing alert: Azure OpenAI charges 2.4x forecast for the week", "labels": {}}}
            {"t": "tool_failure", "a": {"title": "Confirmation emails not sent: send_email tool returns 500", "labels": {"gen_ai_tool_name": "send_email"}}}
            {"t": "quality_drift", "a": {"title": "AnswerRelevancyDrop: answer_relevancy 0.61 (7d avg 0.83)", "labels": {"alertname": "AnswerRelevancyDrop", "service": "concierge"}, "annotations": {"summary": "answer_relevancy 0.61 (7d avg 0.83)"}}}
            {"t": "quality_drift", "a": {"title": "RefusalRateSpike: refusals up to 14% on ordinary shopping questions", "labels": {"alertname": "RefusalRateSpike", "service": "shop-chat"}, "annotations": {"summary": "refusals up to 14% on ordinary shopping questions", "description": "Safety prompt v8 made the model refuse harmless product questions."}}}
            {"t": "quality_drift", "a": {"title": "Summaries invent dates that are not in the meeting transcript", "labels": {}, "annotations": {"description": "Transcripts complete; diarization fine."}}}
            {"t": "quality_drift", "a": {"title": "Generated SQL explanations are in the wrong language for 20% of French users", "labels": {}}}
            {"t": "quality_drift", "a": {"title": "CodeReviewCommentsNoise: reviewers dismiss 64% of bot comments as wrong or irrelevant", "labels": {"alertname": "CodeReviewCommentsNoise", "service": "pr-bot"}, "annotations": {"summary": "reviewers dismiss 64% of bot comments as wrong or irrelevant"}}}
            {"t": "retrieval_failure", "a": {"title": "EmbeddingModelMismatch: query embeddings v3, index built with v2", "labels": {"alertname": "EmbeddingModelMismatch", "service": "semantic-search"}, "annotations": {"summary": "query embeddings v3, index built with v2", "description": "Cosine scores collapsed; top-k is near random."}}}
            {"t": "retrieval_failure", "a": {"title": "Agent's web_search tool returns only SEO spam pages for product queries", "labels": {"tool": "web_search"}}}
            {"t": "retrieval_failure", "a": {"title": "ChunkerRegression: new chunker splits tables mid-row; answers miss the numbers", "labels": {"alertname": "ChunkerRegression", "service": "finance-rag"}, "annotations": {"summary": "new chunker splits tables mid-row; answers miss the numbers"}}}
            {"t": "retrieval_failure", "a": {"title": "Help center articles deleted by the CMS migration are still the top results", "labels": {}, "annotations": {"description": "Index has 3,100 docs that 404."}}}
            {"t": "retrieval_failure", "a": {"title": "Metadata filter on region=EU excludes every US document for global users", "labels": {}}}
            {"t": "tool_failure", "a": {"title": "FunctionCallArgsInvalid: 11% of tool calls have arguments that fail validation", "labels": {"alertname": "FunctionCallArgsInvalid", "gen_ai_tool_name": "create_refund", "error_type": "ValidationError"}, "annotations": {"summary": "11% of tool calls have arguments that fail validation"}}}
            {"t": "tool_failure", "a": {"title": "Calendar API quota exceeded: schedule_meeting fails for all users", "labels": {}, "annotations": {"description": "Google Calendar returns 403 rateLimitExceeded."}}}
            {"t": "tool_failure", "a": {"title": "BrowserToolCrash: headless browser tool crashes on 30% of page loads", "labels": {"alertname": "BrowserToolCrash", "service": "research-agent"}, "annotations": {"summary": "headless browser tool crashes on 30% of page loads"}}}
            {"t": "tool_failure", "a": {"title": "Payment tool double-charges: charge_card retried without idempotency key", "labels": {}}}
            {"t": "policy_failure", "a": {"title": "Support bot quoted an internal escalation runbook to a customer", "labels": {}}}
            {"t": "policy_failure", "a": {"title": "MinorSafetyFilterMiss: age-gated content shown to accounts flagged as under 13", "labels": {"alertname": "MinorSafetyFilterMiss", "service": "kids-tutor"}, "annotations": {"summary": "age-gated content shown to accounts flagged as under 13"}}}
            {"t": "policy_failure", "a": {"title": "HR assistant disclosed a colleague's salary band when asked", "labels": {}}}
            {"t": "policy_failure", "a": {"title": "Legal assistant advised a user to sign the NDA without review", "labels": {}, "annotations": {"description": "Product rule: it never recommends whether to sign."}}}
            {"t": "policy_failure", "a": {"title": "Agent executed a DROP TABLE on the analytics schema", "labels": {}, "annotations": {"description": "The SQL tool is supposed to be read-only."}}}
            {"t": "cost_failure", "a": {"title": "OutputTokensPerAnswerHigh: output tokens per answer 2.9k (baseline 600)", "labels": {"alertname": "OutputTokensPerAnswerHigh", "service": "docs-bot"}, "annotations": {"summary": "output tokens per answer 2.9k (baseline 600)"}}}
            {"t": "cost_failure", "a": {"title": "Monthly spend cap for the summarizer route will be hit on the 14th", "labels": {}, "annotations": {"description": "Batch backfill ran on the premium model."}}}
            {"t": "cost_failure", "a": {"title": "Embedding costs doubled: the ingest job re-embeds unchanged documents every night", "labels": {}}}
            {"t": "latency_failure", "a": {"title": "TTFBHigh: time to first byte p95 5.1s on streaming answers", "labels": {"alertname": "TTFBHigh", "service": "chat-edge"}, "annotations": {"summary": "time to first byte p95 5.1s on streaming answers"}}}
            {"t": "latency_failure", "a": {"title": "Voice bot pauses 3s before each reply", "labels": {}, "annotations": {"description": "Caller drop-off up 2x; ASR and tools are fast."}}}
            {"t": "provider_outage", "a": {"title": "GenAIClientErrors: error ratio 0.41 for gen_ai.client.operation.duration", "labels": {"alertname": "GenAIClientErrors", "gen_ai_provider_name": "anthropic", "service": "drafts"}, "annotations": {"summary": "error ratio 0.41 for gen_ai.client.operation.duration", "description": "error.type=overloaded_error on most failed calls"}}}
            {"t": "provider_outage", "a": {"title": "Mistral La Plateforme degraded: completions time out after 60s", "labels": {}}}
            {"t": "provider_outage", "a": {"title": "Fallback to secondary model engaged for 100% of traffic", "labels": {}, "annotations": {"description": "Primary vendor returns 503 since 04:10."}}}
            {"t": "provider_outage", "a": {"title": "LLMQuotaExhausted: OpenAI tokens-per-minute quota exhausted (429 insufficient_quota)", "labels": {"alertname": "LLMQuotaExhausted", "service": "bulk-tagger"}, "annotations": {"summary": "OpenAI tokens-per-minute quota exhausted (429 insufficient_quota)"}}}
            {"t": "provider_outage", "a": {"title": "After Google's Gemini 2.5 update, JSON answers include thinking text", "labels": {}, "annotations": {"description": "No deploy on our side since Friday."}}}
            {"t": "latency_failure", "a": {"title": "p95 first response 11s in the WhatsApp assistant", "labels": {}, "annotations": {"description": "Users send 'hello?' while waiting."}}}
            {"t": "latency_failure", "a": {"title": "RerankerSlow: rerank step adds 2.3s per query (was 150ms)", "labels": {"alertname": "RerankerSlow", "service": "search-qa"}, "annotations": {"summary": "rerank step adds 2.3s per query (was 150ms)", "description": "Results are still correct."}}}
            {"t": "latency_failure", "a": {"title": "Agent runs exceed the 60s budget users tolerate", "labels": {}, "annotations": {"description": "Each run is correct; there are just more reasoning steps."}}}
            {"t": "latency_failure", "a": {"title": "GenerationTokensPerSecondLow: output speed 9 tok/s (target 40)", "labels": {"alertname": "GenerationTokensPerSecondLow", "service": "story-writer"}, "annotations": {"summary": "output speed 9 tok/s (target 40)"}}}
            {"t": "tool_failure", "a": {"title": "OCR tool returns empty text for scanned PDFs since the library upgrade", "labels": {"tool": "ocr_extract"}}}
            {"t": "tool_failure", "a": {"title": "ToolSchemaDrift: weather_api response no longer has 'temp_c'; agent fills in guesses", "labels": {"alertname": "ToolSchemaDrift", "service": "travel-agent"}, "annotations": {"summary": "weather_api response no longer has 'temp_c'; agent fills in guesses"}}}
            {"t": "tool_failure", "a": {"title": "Jira create_issue fails: 'project key PLAT does not exist'", "labels": {"gen_ai_tool_name": "jira_create_issue"}}}
            {"t": "tool_failure", "a": {"title": "CodeInterpreterTimeouts: python sandbox tool hits its 30s limit on 25% of runs", "labels": {"alertname": "CodeInterpreterTimeouts", "service": "analyst-bot"}, "annotations": {"summary": "python sandbox tool hits its 30s limit on 25% of runs"}}}
            {"t": "retrieval_failure", "a": {"title": "Recall@10 on the support golden set fell to 0.52 after the embedding model swap", "labels": {}}}
            {"t": "retrieval_failure", "a": {"title": "Search finds the policy but the snippet passed to the model is cut before the answer", "labels": {}, "annotations": {"description": "Chunk size was halved in the last deploy."}}}
            {"t": "retrieval_failure", "a": {"title": "Answers about new products say 'I don't know'", "labels": {}, "annotations": {"description": "Catalog feed has not been ingested since Monday; 400 SKUs missing from the index."}}}
            {"t": "retrieval_failure", "a": {"title": "TenantFilterTooStrict: 92% of queries for enterprise tenants retrieve nothing", "labels": {"alertname": "TenantFilterTooStrict", "service": "kb-chat"}, "annotations": {"summary": "92% of queries for enterprise tenants retrieve nothing"}}}
            {"t": "quality_drift", "a": {"title": "Judge score for tone dropped: answers sound robotic after the prompt rewrite", "labels": {}}}
            {"t": "quality_drift", "a": {"title": "Extraction F1 0.78 (baseline 0.91) on invoice line items", "labels": {}}}
            {"t": "quality_drift", "a": {"title": "Translations drop negations: 'do not' rendered as 'do'", "labels": {}, "annotations": {"description": "Glossary and retrieval unchanged; new model version rolled by us on Monday."}}}
            {"t": "policy_failure", "a": {"title": "Kids tutor discussed violent video game content with 8-year-olds", "labels": {}}}
            {"t": "policy_failure", "a": {"title": "Agent shared a customer's address with a caller who failed verification", "labels": {}}}
            {"t": "policy_failure", "a": {"title": "Assistant promised a full refund outside the 30-day window", "labels": {}}}
            {"t": "policy_failure", "a": {"title": "SystemPromptLeak: users extracting the system prompt with a 'repeat above' trick", "labels": {"alertname": "SystemPromptLeak", "service": "brand-bot"}, "annotations": {"summary": "users extracting the system prompt with a 'repeat above' trick"}}}
            {"t": "cost_failure", "a": {"title": "Nightly eval job used the premium model: $4,100 for one run", "labels": {}, "annotations": {"description": "Expected the mini model, $120."}}}
            {"t": "cost_failure", "a": {"title": "ContextTokensHigh: median input tokens per call 48k (was 6k)", "labels": {"alertname": "ContextTokensHigh", "service": "chat"}, "annotations": {"summary": "median input tokens per call 48k (was 6k)", "description": "Conversation history is no longer truncated."}}}
            {"t": "cost_failure", "a": {"title": "Per-tenant LLM spend: one tenant at 11x their plan allowance", "labels": {}}}
            {"t": "unclassified", "a": {"title": "Istio sidecar injection failing for the inference namespace", "labels": {}}}
            {"t": "unclassified", "a": {"title": "GPU driver XID 79 errors on node gpu-a100-7", "labels": {}, "annotations": {"description": "Node cordoned; pods rescheduled."}}}
            {"t": "unclassified", "a": {"title": "RDS storage for the feedback database 90% full", "labels": {}}}
            {"t": "tool_failure", "a": {"title": "Errored tool runs > 40 in 10m", "labels": {"alert_rule_name": "Errored tool runs > 40 in 10m", "alert_rule_attribute": "error_count", "project_name": "proj-x"}}}
            {"t": "latency_failure", "a": {"title": "Run latency p95 > 20s", "labels": {"alert_rule_name": "Run latency p95 > 20s", "alert_rule_attribute": "latency", "project_name": "proj-x"}}}
            {"t": "quality_drift", "a": {"title": "Correctness evaluator avg < 0.7", "labels": {"alert_rule_name": "Correctness evaluator avg < 0.7", "alert_rule_attribute": "feedback_score", "project_name": "proj-x"}}}
            {"t": "cost_failure", "a": {"title": "Total tokens per run > 50k", "labels": {"alert_rule_name": "Total tokens per run > 50k", "alert_rule_attribute": "total_tokens", "project_name": "proj-x"}}}
            {"t": "provider_outage", "a": {"title": "LLM runs failing with APIConnectionError > 20", "labels": {"alert_rule_name": "LLM runs failing with APIConnectionError > 20", "alert_rule_attribute": "error_count", "project_name": "proj-x"}}}
            {"t": "retrieval_failure", "a": {"title": "Retriever runs returning 0 documents > 15%", "labels": {"alert_rule_name": "Retriever runs returning 0 documents > 15%", "alert_rule_attribute": "error_count", "project_name": "proj-x"}}}
            {"t": "policy_failure", "a": {"title": "Runs flagged by the PII guard > 5", "labels": {"alert_rule_name": "Runs flagged by the PII guard > 5", "alert_rule_attribute": "feedback_score", "project_name": "proj-x"}}}
            {"t": "tool_failure", "a": {"title": "AgentToolFailures: get_weather tool failing for 35% of calls", "labels": {"alertname": "AgentToolFailures", "gen_ai_tool_name": "get_weather"}, "annotations": {"summary": "get_weather tool failing for 35% of calls", "description": "HTTP 503 from the weather backend (not the LLM)."}}}
            {"t": "tool_failure", "a": {"title": "WebhookDeliveryFailing: the notify_slack action returns 404 channel_not_found", "labels": {"alertname": "WebhookDeliveryFailing", "service": "ops-agent"}, "annotations": {"summary": "the notify_slack action returns 404 channel_not_found"}}}
            {"t": "tool_failure", "a": {"title": "Agent keeps calling search_orders with an empty query string", "labels": {}, "annotations": {"description": "The argument is required; the model omits it after the prompt change."}}}
            {"t": "retrieval_failure", "a": {"title": "KnowledgeGapRate: 'no answer found' responses up to 31%", "labels": {"alertname": "KnowledgeGapRate", "service": "help-bot"}, "annotations": {"summary": "'no answer found' responses up to 31%", "description": "Docs for the new plan were never added to the knowledge base."}}}
            {"t": "retrieval_failure", "a": {"title": "Retrieved chunks are from the Spanish help center for English users", "labels": {}}}
            {"t": "quality_drift", "a": {"title": "EvalRegression: summarization eval: coverage 0.61, conciseness 0.55", "labels": {"alertname": "EvalRegression", "service": "notes-ai"}, "annotations": {"summary": "summarization eval: coverage 0.61, conciseness 0.55"}}}
            {"t": "quality_drift", "a": {"title": "Model output contains leftover template placeholders like {customer_name}", "labels": {}}}
            {"t": "policy_failure", "a": {"title": "GuardrailBlockRateDrop: input guardrail blocked 0.1% (normally 2%) after the config push", "labels": {"alertname": "GuardrailBlockRateDrop", "service": "assistant"}, "annotations": {"summary": "input guardrail blocked 0.1% (normally 2%) after the config push", "description": "Known jailbreak prompts now reach the model."}}}
            {"t": "policy_failure", "a": {"title": "Bot generated a medical diagnosis for a user describing chest pain", "labels": {}}}
            {"t": "cost_failure", "a": {"title": "EmbeddingSpendSpike: embedding API spend $620 today (normal $40)", "labels": {"alertname": "EmbeddingSpendSpike", "service": "indexer"}, "annotations": {"summary": "embedding API spend $620 today (normal $40)"}}}
            {"t": "cost_failure", "a": {"title": "Retries resend the full 100k-token context on every failure", "labels": {}, "annotations": {"description": "Cost per conversation up 7x; errors themselves are rare."}}}
            {"t": "latency_failure", "a": {"title": "SlowToolFreeAnswers: answers that use no tools take 9s p95", "labels": {"alertname": "SlowToolFreeAnswers", "service": "concierge"}, "annotations": {"summary": "answers that use no tools take 9s p95"}}}
            {"t": "latency_failure", "a": {"title": "Autocomplete suggestions arrive after the user has typed the next word", "labels": {}, "annotations": {"description": "p50 800ms; target 150ms."}}}
            {"t": "provider_outage", "a": {"title": "AzureOpenAIContentFilterErrors: content_filter 400 errors on 20% of requests since Azure's policy update", "labels": {"alertname": "AzureOpenAIContentFilterErrors", "service": "moderated-chat"}, "annotations": {"summary": "content_filter 400 errors on 20% of requests since Azure's policy update"}}}
            {"t": "provider_outage", "a": {"title": "Anthropic API: 'overloaded' responses during EU business hours", "labels": {}}}
            {"t": "provider_outage", "a": {"title": "Groq returns model_decommissioned for llama-3-70b", "labels": {}}}
            {"t": "unclassified", "a": {"title": "TargetDown: 3 of 12 chat-api targets down", "labels": {"alertname": "TargetDown", "job": "chat-api"}, "annotations": {"summary": "3 of 12 chat-api targets down"}}}
            {"t": "unclassified", "a": {"title": "VPN tunnel to the on-prem data center flapping", "labels": {}}}
            {"t": "unclassified", "a": {"title": "Terraform drift detected in the ml-platform account", "labels": {}}}
            {"t": "unclassified", "a": {"title": "JobFailedNightlyExport: nightly analytics export job failed", "labels": {"alertname": "JobFailedNightlyExport", "job": "export"}, "annotations": {"summary": "nightly analytics export job failed"}}}
            {"t": "retrieval_failure", "a": {"title": "Search index alias points at an empty index after the failed reindex", "labels": {}}}
            {"t": "quality_drift", "a": {"title": "Agent answers are correct but ignore the requested bullet format in 40% of cases", "labels": {}}}
            {"t": "policy_failure", "a": {"title": "The booking agent cancelled a reservation without asking the user to confirm", "labels": {}}}
            """;

    private final Classifier classifier = new Classifier();

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("alerts")
    void alerts_worded_by_other_teams_get_the_type_an_on_call_would_give(String expected, String title, Alert alert) {
        Classification got = classifier.classify(alert, WorkflowContext.NONE);

        assertThat(got.failureType().id()).as(got.evidence()).isEqualTo(expected);
    }

    static Stream<Arguments> alerts() {
        return ALERTS.lines().filter(line -> !line.isBlank()).map(TeamStyleAlertsTest::arguments);
    }

    private static Arguments arguments(String line) {
        try {
            JsonNode row = Json.mapper().readTree(line);
            Alert alert = new AlertParsers().parse("generic", Json.mapper().writeValueAsString(row.get("a"))
                    .getBytes(StandardCharsets.UTF_8)).get(0);
            return Arguments.of(row.get("t").asText(), alert.title(), alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad test row: " + line, e);
        }
    }
}
