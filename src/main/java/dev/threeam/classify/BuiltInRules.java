package dev.threeam.classify;

import static dev.threeam.classify.FailureType.COST_FAILURE;
import static dev.threeam.classify.FailureType.LATENCY_FAILURE;
import static dev.threeam.classify.FailureType.POLICY_FAILURE;
import static dev.threeam.classify.FailureType.PROVIDER_OUTAGE;
import static dev.threeam.classify.FailureType.QUALITY_DRIFT;
import static dev.threeam.classify.FailureType.RETRIEVAL_FAILURE;
import static dev.threeam.classify.FailureType.TOOL_FAILURE;

import java.util.List;
import java.util.Set;

/**
 * The built-in vocabulary of each failure type, as data. Patterns read normalized text (see {@link Words}).
 * Weights: 1.0 for words that name the type outright, 0.8–0.9 for strong hints, 0.4–0.7 for words that need
 * help from elsewhere. The {@link CauseOverride}s at the bottom settle cause against symptom.
 */
final class BuiltInRules {

    /** Model providers and LLM endpoints, as they appear in names, labels and prose. */
    static final String PROVIDERS = "(?:open ?ai|azure (?:ai )?open ?ai|azure ai|anthropic|claude|bedrock|vertex(?: ai)?"
            + "|gemini|google ai studio|mistral|cohere|groq|together ai|fireworks ai|deepseek|perplexity|litellm"
            + "|openrouter|(?:model|llm|ai|inference|upstream model|upstream llm) (?:provider|api)|model endpoint"
            + "|(?:chat )?completions? api|embeddings? api"
            + "|llm (?:endpoint|gateway))";
    private static final String PROVIDER_ERRORS = "(?:5\\d\\ds?|5xxs?|429s?|529s?|overloaded\\w*|rate ?limit\\w*"
            + "|throttl\\w*|resource exhausted|unavailable|outage\\w*|degraded|incident\\w*|elevated error\\w*"
            + "|error rates?|errors?|fail\\w*|quota\\w*|capacity|internal server errors?|bad gateway"
            + "|(?:model )?not found|deprecat\\w*|decommission\\w*|retired|down|fall(?:ing)? ?back\\w*|failover)";
    /** Is this an AI system at all: what gated rules require somewhere in the alert. */
    static final String AI_CONTEXT = "\\b(?:gen ai|llms?|ai|ml|models?|gpt\\S*|claude|gemini|open ?ai|anthropic"
            + "|bedrock|vertex|mistral|cohere|chat\\w*|completions?|prompts?|tokens?|inference|agents?|rag"
            + "|embeddings?|evals?|assistant|copilot|langchain|llamaindex|llama\\S*|vllm|bot)\\b";

    static final List<SignalRule> RULES = List.of(
            // quality_drift: the model's output got worse
            SignalRule.of("eval-metric", QUALITY_DRIFT, 1.0, "\\b(?:faithful\\w*|groundedness|ungrounded"
                    + "|hallucinat\\w*|answer (?:relevan\\w*|correctness|quality|similarity)|relevance|correctness"
                    + "|helpfulness|coherence|fluency|conciseness|accuracy|bleu|rouge\\w*|bert ?score|exact match"
                    + "|f1 score|win rate|pass ?@ ?\\d+)\\b"),
            SignalRule.of("unsafe-output", QUALITY_DRIFT, 1.0, "\\b(?:toxic\\w*|insult\\w*|profan\\w*|offensive"
                    + "|hate speech|(?:harmful|unsafe|biased) (?:output|content|response|answer|completion)s?)\\b"),
            SignalRule.of("over-refusal", QUALITY_DRIFT, 1.0, "\\b(?:over ?refus\\w*|false refus\\w*"
                    + "|(?:unnecessary|excessive|too many) refus\\w*"
                    + "|refus\\w* (?:(?:are|is|rate) )?(?:up|increas\\w*|ris\\w*|spik\\w*|jump\\w*|high|higher|doubled))\\b"),
            SignalRule.of("output-format", QUALITY_DRIFT, 0.8, "\\b(?:(?:invalid|malformed|unparseable|unparsable"
                    + "|not valid) (?:json|output|structured output|responses?)|structured output (?:errors?|failures?)"
                    + "|output pars\\w* (?:errors?|failures?)|format (?:errors?|violations?))\\b"),
            SignalRule.of("judge", QUALITY_DRIFT, 0.8, "\\b(?:llm (?:as (?:a )?)?judge|judge (?:model|score)s?|evals?"
                    + "|evaluat\\w*|quality score|feedback(?: score)?|thumbs down|user ratings?|csat|golden set"
                    + "|(?:output|response|answer|model) quality|(?:quality|output|model|score|eval) drift)\\b"),

            // retrieval_failure: answers from weak, stale, missing or wrong sources
            SignalRule.of("recall", RETRIEVAL_FAILURE, 1.0, "\\b(?:recall|precision|hit ?rate|ndcg|mrr|map)"
                    + "(?: ?@ ?| at ?)(?:\\d+|k)\\b|\\b(?:ndcg|mrr)\\b|\\bcontext (?:relevan\\w*|precision|recall"
                    + "|utili[sz]ation|sufficiency)\\b"),
            SignalRule.of("recall-word", RETRIEVAL_FAILURE, 0.8, "\\b(?:recall|retrieval (?:quality|score)"
                    + "|(?<!cache )hit rate)\\b"),
            SignalRule.of("citation", RETRIEVAL_FAILURE, 1.0, "\\b(?:citations?|uncited|unsupported by (?:the )?sources)\\b"),
            SignalRule.of("empty-context", RETRIEVAL_FAILURE, 1.0, "\\b(?:empty|no|zero|0|missing) (?:retrieved )?"
                    + "(?:context|contexts|chunks?|snippets?|passages?|documents?|docs|sources)\\b"
                    + "|\\bempty (?:retrieval|search results?)\\b"),
            SignalRule.of("stale-index", RETRIEVAL_FAILURE, 1.0, "\\b(?:index|indexes|indices|embeddings?|corpus"
                    + "|knowledge base|kb|docs?|help ?center|wiki|confluence|sharepoint|notion)"
                    + "(?: \\S+){0,3}? (?:stale\\w*|fresh\\w*|out of date|outdated|behind|sync\\w*|refresh\\w*"
                    + "|archived|mismatch\\w*|not updated|rebuild\\w*|reindex\\w*|ingest\\w*)\\b"
                    + "|\\b(?:stale|outdated|archived|wrong|old|previous)(?: \\S+){0,2}? (?:index|indexes|indices"
                    + "|embeddings)\\b|\\breindex\\w*\\b"),
            SignalRule.of("retriever", RETRIEVAL_FAILURE, 0.9, "\\b(?:retriev\\w*|rag|semantic search"
                    + "|hybrid search|knowledge base)\\b"),
            SignalRule.of("embedding", RETRIEVAL_FAILURE, 0.9, "\\bembed(?:s|ding|dings|der|ders)?\\b"),
            SignalRule.of("vector-store", RETRIEVAL_FAILURE, 0.9, "\\b(?:vector ?(?:store|db|database|index|search)"
                    + "|pgvector|pinecone|weaviate|qdrant|milvus|chroma(?:db)?|faiss|lancedb|vespa|turbopuffer)\\b"),
            SignalRule.of("chunks", RETRIEVAL_FAILURE, 0.8, "\\b(?:chunk\\w*|re ?rank\\w*|top ?k)\\b"),

            // tool_failure: a tool call malformed, slow, rate-limited or answering an unexpected schema
            SignalRule.of("tool-call", TOOL_FAILURE, 1.0, "\\b(?:tool|function) (?:calls?|calling|invocations?"
                    + "|use|usage|runs?|execution\\w*|errors?|failures?|failed|failing|timeouts?|timed out"
                    + "|results?|outputs?|responses?|latency|retries|dispatch\\w*|arguments?|args|schemas?"
                    + "|selection|choice|chosen)\\b"
                    + "|\\bexecute tool\\b|\\bmcp\\b"),
            SignalRule.of("tool-word", TOOL_FAILURE, 0.8, "\\btools?\\b"),
            SignalRule.onLabels("tool-label", TOOL_FAILURE, 0.9, "^(?:gen ai )?(?:tool|function)(?: name)? "),
            SignalRule.of("schema", TOOL_FAILURE, 0.9, "\\b(?:schema (?:validation|mismatch|errors?|violations?"
                    + "|drift|change)|(?:invalid|malformed|unparseable|unparsable|bad|wrong) (?:tool |function )?"
                    + "(?:arguments?|args|parameters)|json (?:decode|parse|parsing) errors?|fails? (?:json )?schema"
                    + "|argument (?:validation|parsing|parse))\\b"),
            SignalRule.of("third-party-api", TOOL_FAILURE, 0.6, "\\b(?:git ?hub|gitlab|jira|salesforce|zendesk"
                    + "|stripe|shopify|twilio|sendgrid|hubspot|serp ?api|tavily|bing search|google search"
                    + "|brave search)\\b"),

            // policy_failure: it answers what it should refuse or escalate
            SignalRule.of("must-refuse", POLICY_FAILURE, 1.0, "\\b(?:should|must|supposed to)(?: have)?(?: been)? "
                    + "(?:refuse\\w*|decline\\w*|escalat\\w*|block\\w*|reject\\w*|hand\\w* off)\\b"
                    + "|\\brefusal rate\\b(?: \\S+){0,6}? (?:drop\\w*|down|low|lower|fell|fall\\w*|decreas\\w*)\\b"
                    + "|\\bpolicy (?:probes?|violations?|breach\\w*|failures?)\\b"
                    + "|\\b(?:disallowed|prohibited|forbidden) (?:content|topics?|requests?|answers?)\\b"
                    + "|\\bcopyrighted (?:text|content|material|code|lyrics)\\b"),
            SignalRule.of("jailbreak", POLICY_FAILURE, 1.0, "\\b(?:jailbreak\\w*|prompt injection\\w*"
                    + "|indirect injection|injection (?:attacks?|attempts?|canary|followed|success\\w*)"
                    + "|(?:guardrail|safety|moderation) (?:bypass\\w*|evasion|miss\\w*|fail\\w*)"
                    + "|bypass\\w* (?:the )?(?:guardrail|safety|moderation|filter)\\w*"
                    + "|ignore (?:all )?previous instructions|system prompt (?:leak\\w*|extract\\w*|disclos\\w*))\\b"),
            SignalRule.of("data-leak", POLICY_FAILURE, 1.0, "\\b(?:pii|phi|personal (?:data|information)|secrets?"
                    + "|credentials?|api keys?|access keys?|passwords?|ssns?|credit card\\w*|customer data)"
                    + "(?: \\S+){0,5}? (?:leak\\w*|expos\\w*|disclos\\w*|reveal\\w*|echo\\w*"
                    + "|in (?:outputs?|completions?|answers?|responses?|replies))\\b"
                    + "|\\b(?:leak\\w*|exfiltrat\\w*|expos\\w*|disclos\\w*)(?: \\S+){0,3}? (?:pii|phi|secrets?"
                    + "|credentials?|personal data|api keys?|system prompt|customer data)\\b"
                    + "|\\bpii\\b|\\bdata (?:leak\\w*|exfiltration)\\b"),
            SignalRule.of("regulated-advice", POLICY_FAILURE, 1.0, "\\b(?:legal|medical|tax|financial|investment"
                    + "|health|clinical) advice\\b|\\b(?:self ?harm|suicid\\w*)\\b"
                    + "|\\bescalations? (?:missed|skipped|failed|not triggered)\\b|\\bmissed escalations?\\b"
                    + "|\\bnot escalated\\b|\\binstead of (?:escalat\\w*|handing off|refus\\w*)"
                    + "|\\bhand ?offs? (?:missed|failed|skipped)\\b"),
            SignalRule.of("guardrail", POLICY_FAILURE, 0.6, "\\b(?:guardrails?|moderation|content (?:filter|safety)"
                    + "|safety (?:filter|classifier|check|policy|violation)s?|refus\\w*)\\b"),

            // cost_failure: tokens or money outside the written budget
            SignalRule.of("spend", COST_FAILURE, 1.0, "\\b(?:spend\\w*|spent|costs?|costly|billing|billed|invoice\\w*"
                    + "|overage|finops|usd|dollars?)\\b|\\$ ?\\d|(?<!error |latency |time |slo )\\bbudget\\w*\\b"),
            SignalRule.of("token-usage", COST_FAILURE, 1.0, "\\btokens? (?:usage|used|consumption|counts?|spend"
                    + "|burn|budget)\\b|\\btokens? per (?:request|call|query|conversation|session|trace|document|doc"
                    + "|user|run|hour|day|minute|min|answer|response)\\b"
                    + "|\\btokens?/(?:h|hr|hour|day|d|min|minute|request|req|call|run)\\b"
                    + "|\\b(?:input|prompt|total) tokens\\b"),

            // latency_failure: correct but too slow
            SignalRule.of("generation-speed", LATENCY_FAILURE, 1.1, "\\b(?:ttft|time to first (?:token|byte|chunk)"
                    + "|first token (?:latency|time)|generation (?:speed|rate|throughput)|decode (?:speed|throughput)"
                    + "|inter ?token latency|time per output token|tpot|streaming (?:stall\\w*|latency))\\b"
                    + "|\\btokens?(?: per second| per sec|/s\\b|/sec\\b|/second)|\\btok/s\\b"),
            SignalRule.of("latency", LATENCY_FAILURE, 1.0, "\\b(?:latency|latencies|response times?|duration"
                    + "|e2e|end to end|slow\\w*|spinner|took too long|wall ?clock|stall\\w*|(?:wait|queue) times?)\\b"),
            SignalRule.of("percentile", LATENCY_FAILURE, 0.7, "\\bp(?:50|75|90|95|99|999)\\b|\\b9[59](?:th)? percentile\\b"),
            SignalRule.of("timeout", LATENCY_FAILURE, 0.6, "\\b(?:timeouts?|timed out|time ?outs?|deadline exceeded)\\b"),

            // provider_outage: the model provider is down, erroring, or changed behaviour
            SignalRule.of("provider-errors", PROVIDER_OUTAGE, 1.0, "\\b" + PROVIDERS + "\\b(?: \\S+){0,6}? "
                    + PROVIDER_ERRORS + "\\b|\\b" + PROVIDER_ERRORS + "(?: \\S+){0,4}? (?:from|by|at|on|of|in|with)"
                    + "(?: \\S+){0,2}? " + PROVIDERS + "\\b"),
            SignalRule.of("provider-status", PROVIDER_OUTAGE, 1.0, "\\bprovider(?: \\S+){0,2}? (?:5\\d\\ds?|5xxs?"
                    + "|429s?|529s?|overloaded\\w*|rate limit\\w*|outages?|errors?|down)\\b"),
            SignalRule.of("llm-call-errors", PROVIDER_OUTAGE, 0.85, "\\b(?:llm|model|completion|chat completion"
                    + "|inference) (?:calls?|requests?|api calls?)(?: \\S+){0,4}? (?:5\\d\\ds?|5xxs?|errors?|error rates?"
                    + "|failures?|failing|failed)\\b"),
            SignalRule.of("provider-error-codes", PROVIDER_OUTAGE, 0.8, "\\b(?:529s?|overloaded(?: error)?"
                    + "|rate limit error|model not found|insufficient quota|resource exhausted|throttling exception"
                    + "|model(?: \\S+){0,3}? (?:has been |is |was )?(?:deprecated|decommissioned|retired))\\b")
                    .requiring(AI_CONTEXT),
            SignalRule.of("status-page", PROVIDER_OUTAGE, 0.9, "\\bstatus ?page\\b|\\bstatus (?:open ?ai|anthropic)\\b")
                    .requiring(PROVIDERS),
            SignalRule.onLabels("error-type", PROVIDER_OUTAGE, 0.9, "^(?:gen ai )?(?:error type|error|status code"
                    + "|http status(?: code)?|response code|error code|http response status code) (?:5\\d\\d|5xx|429"
                    + "|529|404|overloaded\\w*|rate limit\\w*|model not found|insufficient quota|service unavailable"
                    + "|internal server error|api connection\\w*|api error|bad gateway|gateway timeout|server error"
                    + "|resource exhausted|throttl\\w*)\\b").requiring(AI_CONTEXT),
            SignalRule.onLabels("provider-label", PROVIDER_OUTAGE, 0.4, "^(?:gen ai provider name|gen ai system"
                    + "|provider|llm provider|model provider|upstream provider) \\S"));

    /** Cause over symptom, applied in order after the strongest signal has spoken. */
    static final List<CauseOverride> OVERRIDES = List.of(
            new CauseOverride(LATENCY_FAILURE, PROVIDER_OUTAGE,
                    Set.of("provider-errors", "provider-status", "llm-call-errors", "provider-error-codes", "status-page",
                            "error-type"),
                    0.5, "provider errors explain the latency"));

    /**
     * On a tie of strongest signals, the more specific type wins: a policy breach over anything, cost over the
     * provider retries that caused it, a provider outage over the tool or latency it shows through.
     */
    static final List<FailureType> TIE_ORDER = List.of(POLICY_FAILURE, COST_FAILURE, PROVIDER_OUTAGE,
            TOOL_FAILURE, RETRIEVAL_FAILURE, QUALITY_DRIFT, LATENCY_FAILURE);

    private BuiltInRules() {}
}
