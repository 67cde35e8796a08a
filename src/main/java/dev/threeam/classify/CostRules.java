package dev.threeam.classify;

import static dev.threeam.classify.FailureType.COST_FAILURE;

import java.util.List;

/**
 * cost_failure: a route burns tokens or money outside its written budget. A money amount alone is no evidence: a
 * refund of $2,400 granted without approval is a policy breach, not a bill. Currency words count only where an
 * alert is named or measured ({@code usd_per_day}), not in prose. Usage past what was bought ahead (a contract, a
 * commitment, an allowance) is spend too.
 */
final class CostRules {

    /**
     * What was bought ahead: a contract, a commitment, an allowance, prepaid volume. Usage against it ("MT character usage
     * at 142% of monthly contract") is spend, whatever unit it is counted in. Not "contracts" or "commits", which are
     * documents and code; nor a quota, whose exhaustion is calls refused (a provider or tool limit), not a bill.
     */
    private static final String COMMITMENT = "(?:contract(?! s\\b)|contracted \\S+|commitments?|commit(?! s\\b)|committed"
            + " (?:volume|spend|usage|amount|units|minimum|capacity)|allowance|allotment|entitlement|prepaid (?:volume|credits?"
            + "|units|plan|balance|amount))\\b(?! (?:reviews?|clauses?|terms?|documents?|pages?|drafts?|summar\\w*|files?|lines?"
            + "|items?|templates?|redlines?|renewals?)\\b)";

    static final List<SignalRule> RULES = List.of(
            SignalRule.of("spend", COST_FAILURE, 1.0, "\\b(?:spend\\w*|spent|costs?|costly|billed"
                    + "|overage|finops|expensive|pricier|chargeback)\\b(?! (?:freeze|cuts?|cutting|savings?|saver|saving|reductions?"
                    + "|optimi[sz]\\w*|controls?)\\b)"),
            SignalRule.of("over-commitment", COST_FAILURE, 1.0, "\\b\\d+(?: \\d+)? ?% of (?:the |our |its |this |a )?(?:\\S+ )?"
                    + COMMITMENT + "|\\b(?:usage|use|consumption|volume|characters|minutes|hours|units|calls|requests|pages)"
                    + "(?: \\S+){0,3}? (?:over|above|exceed\\w*|beyond|overr[au]n\\w*) (?:the |our |its |a )?(?:\\S+ )?" + COMMITMENT),
            SignalRule.of("billing", COST_FAILURE, 0.6, "\\b(?:billing|bills?|invoice\\w*)\\b"),
            SignalRule.of("spend-rate", COST_FAILURE, 1.0, "\\$ ?\\d+(?: \\d{3})*(?: \\d+)?[km]? (?:per|for one|for a|for each"
                    + "|for the|a|an|each|/) ?(?:run|request|call|query|conversation|session|day|hour|month|week|job|batch"
                    + "|user|tenant|ticket|answer|document|email|task)s?\\b|\\b(?:used|routed to|ran on|running on|switched to"
                    + "|defaulted to|fell back to) (?:the )?(?:premium|expensive|largest|large|bigger|flagship|frontier) models?\\b"),
            SignalRule.of("budget", COST_FAILURE, 0.6, "\\b(?=budget)(?<!error |latency |time |slo |availability |retry |risk |context "
                    + "|retrieval )budget\\w*\\b"),
            SignalRule.of("currency", COST_FAILURE, 0.9, "\\b(?:usd|eur|dollars?|euros?)\\b|\\$")
                    .onlyIn(Where.METRIC, Where.LABEL),
            SignalRule.of("token-usage", COST_FAILURE, 1.0, "\\btokens? (?:usage|used|consumption|counts?|spend"
                    + "|burn|budget|volume|growth|explosion|spike)\\b|\\btokens? per (?:request|call|query|conversation"
                    + "|session|trace|document|doc|user|run|hour|day|minute|min|answer|response|email|ticket|task|job"
                    + "|turn|page|file)\\b"
                    + "|\\btokens?/(?:h|hr|hour|day|d|min|minute|request|req|call|run)\\b"
                    + "|\\b(?:used|burned|burnt|burning|consumed|consuming|spent|billed|sent|processed) (?:\\S+ ){0,2}?tokens\\b"
                    + "|\\b\\d+ ?[kmb] tokens\\b"
                    + "|\\b(?:input|prompt|total|output|completion|reasoning|cached) tokens\\b"
                    + "|\\bgen ai (?:client )?token usage\\b|\\bcontext (?:window )?(?:bloat|growth)\\b"
                    + "|\\bprompt (?:bloat|size (?:grew|doubled|tripled|jumped))\\b|\\brunaway (?:agents?|loops?|spend"
                    + "|costs?|usage)\\b|\\bcost per (?:request|call|query|conversation|1k|session|task|ticket)\\b"),
            SignalRule.of("call-volume", COST_FAILURE, 0.8, "\\b(?:\\d+|hundreds of|thousands of) (?:model|llm|api"
                    + "|completion) calls\\b|\\b(?:model |llm )?calls? per (?:session|conversation|request|run|task|ticket)\\b"
                    + "|\\b(?:agent|agentic|planning|re ?planning|retry) loops?\\b|\\bkept re ?planning\\b"),
            SignalRule.of("prompt-cache", COST_FAILURE, 0.8, "\\bprompt cach\\w*\\b|\\bcache (?:hit rate|misses)\\b"
                    + "(?: \\S+){0,4}? (?:tokens?|cost|spend|bill\\w*)\\b"));

    private CostRules() {}
}
