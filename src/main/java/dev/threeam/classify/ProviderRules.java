package dev.threeam.classify;

import static dev.threeam.classify.FailureType.PROVIDER_OUTAGE;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * provider_outage: the model provider is down, erroring (HTTP 5xx, 529 "overloaded", quota), has a status-page
 * incident, or changed behaviour after a model update on its side.
 */
final class ProviderRules {

    /** Model providers and LLM endpoints, as they appear in names, labels and prose. */
    static final String PROVIDERS = "(?:open ?ai|azure (?:ai )?open ?ai|azure ai|anthropic|claude|bedrock|vertex(?: ai)?"
            + "|gemini|google ai studio|mistral|cohere|groq|together ai|fireworks ai|deepseek|perplexity|litellm"
            + "|openrouter|(?:model|llm|ai|inference|upstream model|upstream llm|foundation model) (?:provider|api|vendor)"
            + "|model endpoint|(?:chat )?completions? api|embeddings? api|responses api|messages api"
            + "|llm (?:endpoint|gateway)|model gateway|ai gateway|generativelanguage googleapis|aiplatform googleapis"
            + "|bedrock runtime)";
    /**
     * A model provider's API host ({@code api.openai.com}, {@code myorg.openai.azure.com}): as a label value it says
     * whose API was called, like a model name, so it stays readable (see {@link Identity}).
     */
    static final Pattern API_HOST = Pattern.compile("(?:[\\w-]+\\.)*(?:openai\\.com"
            + "|openai\\.azure\\.com|anthropic\\.com|(?:[\\w-]+-)?aiplatform\\.googleapis\\.com|generativelanguage\\.googleapis\\.com"
            + "|bedrock(?:-runtime)?\\.[\\w-]+\\.amazonaws\\.com|mistral\\.ai|cohere\\.(?:ai|com)|groq\\.com|together\\.xyz"
            + "|fireworks\\.ai|deepseek\\.com|openrouter\\.ai|perplexity\\.ai)(?::\\d+)?",
            Pattern.CASE_INSENSITIVE);
    private static final String PROVIDER_ERRORS = "(?:5\\d\\ds?|5xxs?|429s?|529s?|overloaded\\w*|rate ?limit\\w*"
            + "|throttl\\w*|resource exhausted|unavailable|outage\\w*|degraded|incident\\w*|elevated error\\w*"
            + "|error rates?|errors?|fail\\w*|quota\\w*|capacity|internal server errors?|bad gateway"
            + "|(?:model )?not found|deprecat\\w*|decommission\\w*|retired|down|fall(?:ing)? ?back\\w*|failover"
            + "|unreachable|not responding|connection (?:errors?|refused|resets?|timeouts?)|401s?|403s?|auth\\w* (?:errors?"
            + "|failures?)|invalid (?:api )?keys?|keys? (?:revoked|expired|rotated)|revoked)";
    /** Is a model called at all: what provider error codes and error labels require somewhere in the alert. */
    static final String LLM_CONTEXT = "\\b(?:gen ai|llms?|models?|gpt\\S*|claude|gemini|open ?ai|anthropic|bedrock"
            + "|vertex|mistral|cohere|completions?|inference|embeddings?|tokens?|prompts?|vllm|tgi|litellm)\\b";
    /** A tool is involved: an HTTP error label is then the tool's, unless the prose names the provider. */
    private static final String TOOL_CONTEXT = "\\b(?:gen ai tool|tools?|function call\\w*|mcp|connector|plugin)\\b";
    /** A model update on the provider's side, as opposed to a route change of ours. */
    private static final String VENDOR = "(?:" + PROVIDERS + "|provider|vendor|upstream (?:model|llm))";
    /** Who can only mean the model provider: a named one, or the upstream model. */
    private static final String MODEL_VENDOR = "(?:" + PROVIDERS + "|upstream (?:model|llm))";
    private static final String UPDATED = "(?:updates?|updated|upgrades?|upgraded|rollouts?|rolled out|released|swapped"
            + "|snapshot|changed the model|new (?:model|snapshot|version))";

    /** The rules that say the provider is erroring or down. */
    static final Set<String> ERRORS = Set.of("provider-errors", "provider-status", "llm-call-errors", "llm-errors",
            "provider-error-codes", "status-page", "error-type");
    /** The rules that say the provider changed the model under us. */
    static final Set<String> CHANGED = Set.of("provider-update", "vendor-update", "status-page");

    /**
     * "The vendor's v2 rollout", "the provider updated": a vendor or provider not said to serve the model, updating
     * something. Without a tool in the alert that is the model provider; with one, it is the vendor behind the tool
     * changing its API, the tool's dependency ("since the vendor's v2 rollout geocode_address returns [lon, lat]").
     */
    private static final SignalRule VENDOR_UPDATE = SignalRule.of("vendor-update", PROVIDER_OUTAGE, 1.0,
            "\\b(?:provider|vendor)(?: side)?(?: \\S+){0,3}? " + UPDATED + "\\b|\\b(?:provider|vendor)(?: \\S+)? (?:moved|rolled"
            + "|switched|repointed|pointed|promoted|updated|upgraded|swapped|changed)(?: \\S+){0,6}? (?:to )?(?:the |a |an )?"
            + "(?:new|newer|latest|different|\\d+ \\d+ \\d+)(?: \\S+)? (?:default )?(?:version|revision)\\b").unless(TOOL_CONTEXT);

    static final List<SignalRule> RULES = List.of(
            SignalRule.of("provider-errors", PROVIDER_OUTAGE, 1.0, "\\b" + PROVIDERS + "\\b(?: \\S+){0,6}? "
                    + PROVIDER_ERRORS + "\\b|\\b" + PROVIDER_ERRORS + "(?: \\S+){0,4}? (?:from|by|at|on|of|in|with)"
                    + "(?: \\S+){0,2}? " + PROVIDERS + "\\b"),
            SignalRule.of("provider-status", PROVIDER_OUTAGE, 1.0, "\\b(?:provider|vendor|upstream (?:model|llm))(?: \\S+){0,2}? "
                    + "(?:5\\d\\ds?|5xxs?|429s?|529s?|overloaded\\w*|rate limit\\w*|outages?|errors?|down|unavailable"
                    + "|incident|unreachable|not responding|timeouts?|timing out|connection (?:errors?|refused|timeouts?))\\b")
                    .unless(TOOL_CONTEXT),
            SignalRule.of("llm-errors", PROVIDER_OUTAGE, 1.0, "\\b(?:llm|model|inference|completions?|generation|chat"
                    + "|moderation|embeddings?|rerank\\w*)"
                    + " (?:api |endpoint |provider |call |calls |request |requests )?(?:5\\d\\ds?|5xxs?|529s?|overloaded\\w*"
                    + "|server errors?|internal server errors?|service unavailable|bad gateway)\\b"),
            SignalRule.of("llm-call-errors", PROVIDER_OUTAGE, 0.85, "\\b(?:llm|model|completion|chat completion"
                    + "|inference|generation) (?:calls?|requests?|api calls?|runs?)(?: \\S+){0,4}? (?:5\\d\\ds?|5xxs?|401s?|403s?|errors?"
                    + "|error rates?|failures?|failing|failed)\\b"),
            SignalRule.of("provider-error-codes", PROVIDER_OUTAGE, 0.8, "\\b(?:529s?|overloaded(?: errors?)?"
                    + "|rate limit error|model not found|insufficient quota|resource exhausted|throttling exception"
                    + "|service unavailable|server had an error|capacity (?:constraints?|exceeded)|api connection errors?"
                    + "|api timeout errors?|internal server errors?"
                    + "|model(?: \\S+){0,3}? (?:has been |is |was )?(?:deprecated|decommissioned|retired))\\b")
                    .requiring(LLM_CONTEXT),
            SignalRule.of("status-page", PROVIDER_OUTAGE, 0.9, "\\bstatus ?page\\b|\\bstatus (?:open ?ai|anthropic"
                    + "|cohere|mistral|cloud google|azure)\\b|\\b(?:public |declared |posted )incident\\b"
                    + "|\\bincident (?:declared|posted|reported|acknowledged) (?:by|on)\\b").requiring(PROVIDERS),
            SignalRule.of("provider-update", PROVIDER_OUTAGE, 1.0, "\\b" + MODEL_VENDOR + "(?: side)?(?: \\S+){0,3}? (?:model )?"
                    + UPDATED + "\\b|\\b(?:provider|vendor)(?: side)?(?: \\S+){0,3}? (?:model " + UPDATED
                    + "|changed the model|new (?:model|snapshot))\\b|\\b(?:provider|vendor) side\\b"
                    + "|\\b(?:silent\\w*|unannounced) (?:model )?(?:snapshot|checkpoint|model version"
                    + "|version of the model|model revision)\\b|\\b(?:response|served|returned) model (?:mismatch\\w*|changed"
                    + "|change|differs|drift\\w*)\\b|\\b(?:response|served|returned|resolved) model(?: \\S+){0,4}? (?:went|changed"
                    + "|switched|moved|jumped|flipped) from\\b|\\b(?:response|served|returned|resolved) model (?:now )?(?:reads|is|shows|reports|says|became"
                    + "|returns)(?: \\S+){1,8}? (?:was|previously|formerly|instead of)\\b|\\b(?:model )?alias (?:now )?(?:points|pointed|resolves"
                    + "|repointed|moved) to\\b|\\b(?:behaviou?r|outputs?|answers?) (?:changed|shift\\w*|differ\\w*)"
                    + "(?: \\S+){0,5}? (?:without (?:a |any )?(?:deploy|change|release) (?:on our side|of ours|from us)"
                    + "|(?:after|since) (?:the )?" + VENDOR + ")\\b"
                    + "|\\b(?:" + VENDOR + "|google|microsoft|aws|meta)(?: \\S+)? (?:moved|rolled|switched|repointed|pointed|promoted|updated"
                    + "|upgraded|swapped|changed)(?: \\S+){0,6}? (?:to )?(?:the |a |an )?(?:new|newer|latest|different|\\d+ \\d+ \\d+)"
                    + "(?: \\S+)? (?:default )?(?:model|snapshot|checkpoint)\\b"
                    + "|\\b(?:" + MODEL_VENDOR + "|google|microsoft|aws|meta)(?: \\S+)? (?:moved|rolled|switched|repointed|pointed"
                    + "|promoted|updated|upgraded|swapped|changed)(?: \\S+){0,6}? (?:to )?(?:the |a |an )?(?:new|newer|latest|different"
                    + "|\\d+ \\d+ \\d+)(?: \\S+)? (?:default )?(?:version|revision)\\b"),
            VENDOR_UPDATE,
            SignalRule.onLabels("error-type", PROVIDER_OUTAGE, 0.9, "^(?:gen ai )?(?:error type|error|status code"
                    + "|http status(?: code)?|response code|error code|http response status code) (?:5\\d\\d|5xx|429"
                    + "|529|404|overloaded\\w*|rate limit\\w*|model not found|insufficient quota|service unavailable"
                    + "|internal server error|api connection\\w*|api error|bad gateway|gateway timeout|server error"
                    + "|resource exhausted|throttl\\w*)\\b").requiring(LLM_CONTEXT).unless(TOOL_CONTEXT),
            SignalRule.onLabels("provider-label", PROVIDER_OUTAGE, 0.4, "^(?:gen ai provider name|gen ai system"
                    + "|provider|llm provider|model provider|upstream provider) \\S").naming());

    private ProviderRules() {}
}
