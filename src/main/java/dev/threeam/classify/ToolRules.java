package dev.threeam.classify;

import static dev.threeam.classify.FailureType.TOOL_FAILURE;

import java.util.List;
import java.util.Set;

/** tool_failure: a tool call malformed, slow, rate-limited or answering an unexpected schema. */
final class ToolRules {

    /** The rules that say a tool call itself went wrong. */
    static final Set<String> CALLS = Set.of("tool-call", "schema", "tool-errors", "tool-timeouts");
    /** The tool call failed (an HTTP error, a timeout, a broken response): it did nothing, forbidden or not. */
    static final Set<String> ERRORED = Set.of("tool-http-errors", "tool-errors", "tool-timeouts", "schema");

    /**
     * An HTTP error rate where the alert names a tool (a tool label, "the X tool"): the tool answering 4xx/5xx, even
     * when its name is all the alert's name holds ({@code gis_parcel_lookup 5xx rate} under {@code tool=gis_parcel_lookup}).
     */
    static final SignalRule TOOL_HTTP_ERRORS = SignalRule.of("tool-http-errors", TOOL_FAILURE, 0.8,
            "\\b(?!(?<=\\d )\\d{3} \\d)(?:http )?(?:5\\d\\d|5xx|4\\d\\d|4xx)s?(?: (?:rate|ratio|errors?|responses?))?\\b"
                    + "(?! (?:usd|eur|gbp|dollars?|euros?|pounds?|gems|credits|points|coins)\\b)")
            .requiring("\\b(?:gen ai tool|tools?|function name|mcp server)\\b");

    /**
     * Timeouts counted as a share of calls where the alert names a tool ({@code fetch_w2 timeouts 22%}, "hits its 30s
     * timeout on 22% of calls"): that many of the tool's calls failed, the tool is failing. Latency is how slow the
     * product is for its users, a duration or a percentile; a rate of failed calls is not one.
     */
    static final SignalRule TOOL_TIMEOUTS = SignalRule.of("tool-timeouts", TOOL_FAILURE, 0.9,
            "\\b(?:timeouts?|time ?outs?|timed out|timing out|times out)(?: rate| ratio| share)?(?: \\S+){0,2}? \\d+(?: \\d+)? ?%"
            + "|\\b\\d+(?: \\d+)? ?% of (?:its |the |all )?(?:\\S+ )?(?:calls|requests|invocations|lookups|runs|attempts)"
            + " (?:time out|timed out|timing out|hit (?:the |its |a )?(?:\\S+ )?timeout)\\b|\\btimeout (?:rate|ratio|share)\\b")
            .requiring("\\b(?:gen ai tool|tools?|function name|mcp server)\\b");

    static final List<SignalRule> RULES = List.of(
            SignalRule.of("tool-call", TOOL_FAILURE, 1.0, "\\b(?:tool|function|plugin|connector|action) (?:calls?"
                    + "|calling|invocations?|use|usage|runs?|execution\\w*|errors?|failures?|failed|failing|timeouts?"
                    + "|timed out|times? out|fails?|results?|outputs?|responses?|latency|retries|dispatch\\w*|arguments?|args|schemas?"
                    + "|selection|choice|chosen|loops?|exceptions?|timing out|time out|unavailable|unreachable|rejected"
                    + "|returns? (?:4\\d\\d|5\\d\\d|errors?)|returning (?:4\\d\\d|5\\d\\d|errors?)|(?:4\\d\\d|5\\d\\d|[45]xx)s?)\\b|\\bexecute tool\\b|\\bmcp\\b"
                    + "|\\b(?:tool|function|plugin|sandbox|interpreter)s? (?:\\S+ )?(?:hits?|exceed\\w*|reach\\w*|hitting) (?:its |the "
                    + "|a )?(?:\\d+ ?s |time |run ?time )?(?:limit|timeout|deadline|cap)\\b"),
            SignalRule.of("tool-errors", TOOL_FAILURE, 0.9, "\\b(?:unexpected|unknown|changed|new|breaking) (?:response )?"
                    + "(?:schema|response shape|payload|format|fields?|enum values?)\\b|\\bmissing (?:required )?"
                    + "(?:fields?|keys?|parameters?|properties)\\b|\\bmax (?:iterations|steps|tool calls) (?:reached|exceeded|hit)\\b"
                    + "|\\b(?:calls?|requests?|lookups?) to (?:the |an? |our )?(?:\\S+ ){0,2}?(?:service|api|backend|system|endpoint"
                    + "|server|database|db)s? (?:fail\\w*|error\\w*|time\\w* out|return\\w* (?:4\\d\\d|5\\d\\d|errors?))\\b"
                    + "|\\b(?:oauth|auth|access) (?:tokens?|credentials?|grants?) (?:expired|revoked|invalid)\\b"
                    + "|\\b(?:api|service|endpoint|backend|tool) (?:changed|renamed|dropped|removed) (?:its |a |the )?"
                    + "(?:response|fields?|schema|format|contract|payload|keys?)\\b|\\breturns? null\\b"
                    + "|\\b(?:api|service|endpoint|backend) (?:answers?|answered|returns?|returned|responds?|responded|rejects?"
                    + "|rejected)(?: with)? (?:http |an? )?(?:4\\d\\d|5\\d\\d)s?\\b"
                    + "|\\b(?:downstream|third party|partner|internal|backend) api (?:errors?|failures?|4\\d\\ds?|5\\d\\ds?"
                    + "|5xxs?|4xxs?|timeouts?|rate limit\\w*)\\b|\\bapi (?:contract|version) (?:changed|mismatch|drift)\\b"
                    + "|\\b(?:api|service|endpoint|backend|tool|function)(?: s)? (?:responses?|results?|outputs?|payloads?|schemas?"
                    + "|formats?|contracts?)(?: shape| format| schema)? (?:has |have |was |is )?(?:changed|renamed|drifted)\\b"),
            SignalRule.of("tool-word", TOOL_FAILURE, 0.8, "\\btools?\\b").naming(),
            SignalRule.onLabels("tool-label", TOOL_FAILURE, 0.9, "^(?:gen ai )?(?:tool|function|mcp server)(?: name)?\\b")
                    .naming(),
            SignalRule.of("schema", TOOL_FAILURE, 0.9, "\\b(?:schema (?:validation|mismatch|errors?|violations?"
                    + "|drift|change\\w*)|(?:invalid|malformed|unparseable|unparsable|bad|wrong) (?:tool |function )?"
                    + "(?:arguments?|args|parameters|payloads?)|json (?:decode|parse|parsing) errors?|fails? (?:json )?schema"
                    + "|argument (?:validation|parsing|parse)|validation errors?|(?:empty|missing|blank|null) (?:\\S+ ){0,2}?"
                    + "(?:arguments?|parameters?|query strings?|required fields?)|(?:argument|parameter|field) is required"
                    + "|required (?:arguments?|parameters?|fields?)|(?:wrong|invalid|bad) (?:argument |parameter "
                    + "|field )?types?|as an? (?:integer|string|number|int|float|array|object|list)|(?:expects?|wants?) an? "
                    + "(?:integer|string|number|array|object|list)"
                    + "|(?:fail\\w*|unable|cannot|can t|could not) (?:to )?(?:pars\\w*|deserializ\\w*|decod\\w*) (?:the |a |its )?"
                    + "(?!(?:model|llm|completion|assistant|chat|json|structured|output) )(?:\\S+ )?(?:responses?|payloads?|results?))\\b"),
            TOOL_HTTP_ERRORS,
            TOOL_TIMEOUTS,
            SignalRule.of("third-party-api", TOOL_FAILURE, 0.6, "\\b(?:git ?hub|gitlab|jira|salesforce|zendesk"
                    + "|stripe|shopify|twilio|sendgrid|hubspot|serp ?api|tavily|bing search|google search"
                    + "|brave search|servicenow|slack api|google calendar|gmail|workday|sap|netsuite|code interpreter"
                    + "|python sandbox|headless browser|ocr)\\b").naming());

    private ToolRules() {}
}
