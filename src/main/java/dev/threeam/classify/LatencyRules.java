package dev.threeam.classify;

import static dev.threeam.classify.FailureType.LATENCY_FAILURE;

import java.util.List;

/** latency_failure: correct but too slow for the user to stay in the flow. */
final class LatencyRules {

    static final List<SignalRule> RULES = List.of(
            SignalRule.of("generation-speed", LATENCY_FAILURE, 1.1, "\\b(?:ttft|time to first (?:token|byte|chunk"
                    + "|audio|word)|first token (?:latency|time)|generation (?:speed|rate|throughput)|decode (?:speed"
                    + "|throughput)|inter ?token latency|time per output token|tpot|streaming (?:stall\\w*|latency)"
                    + "|time to first \\S+)\\b|\\btokens?(?: per second| per sec|/s\\b|/sec\\b|/second)|\\btok/s\\b"),
            SignalRule.of("latency", LATENCY_FAILURE, 1.0, "\\b(?:(?:latency|duration)(?! (?:seconds |ms |milliseconds )?count\\b)"
                    + "|latencies|response times?"
                    + "|e2e|end to end|slow\\w*|spinner|took too long|wall ?clock|stall\\w*|(?:wait|queue) times?"
                    + "|turn (?:gap|delay)|too late|dead air|time to (?:answer|respond|response)|queue waits?|queu(?:e|ing) delays?"
                    + "|queued for)\\b"
                    + "|\\b(?:takes?|took|taking) (?:over |more than |up to |about |around )?\\d+ ?(?:s|sec|secs|seconds|ms|min|mins"
                    + "|minutes)\\b|\\b\\d+ ?(?:s|sec|seconds) (?:to (?:answer|respond|reply|load|complete|finish))\\b"
                    + "|\\b(?:answers?|repl(?:y|ies)|responses?|drafts?|results?|suggestions?|summar(?:y|ies)|they|it)"
                    + " (?:\\S+ ){0,2}?(?:arriv\\w*|shows? up|showed up|appears?|appeared|comes? back|came back|loads?|loaded"
                    + "|replies|replied|responds?|responded) (?:\\S+ ){0,3}?\\d+(?: (?:to|or) \\d+)? ?(?:s|sec|secs|seconds?|min|mins"
                    + "|minutes?) (?:after|later|late)\\b|\\bused to (?:be|take) (?:about |around |under |roughly |only )?\\d+ ?(?:s"
                    + "|sec|secs|seconds|ms|min|mins|minutes)\\b"),
            SignalRule.of("time-budget", LATENCY_FAILURE, 1.0, "\\b(?<!last |past |every |per |each |over )\\d+ ?(?:ms|s|sec|secs|seconds|min|mins|minutes)"
                    + " (?:\\S+ )?(?:budget|limit|slo|sla|target|threshold|timeout|deadline)\\b"
                    + "|\\b(?:timing out|timed out|times out|time out) (?:at|after) \\d+ ?(?:ms|s|sec|secs|seconds|min|mins|minutes)\\b"
                    + "|\\b(?:exceeds?|exceeded|exceeding|overruns?|overran|misses|missed|blows? through) (?:the |its |their |a )?"
                    + "(?:\\S+ ){0,2}?(?:deadline|time ?limit|timeout|time budget)\\b|\\b(?:target|slo|sla|budget|goal|objective|ziel)"
                    + "(?: of| is| was)? (?:< ?|<= ?|under |below |within )?\\d+(?: \\d+)? ?(?:ms|s|sec|secs|seconds|min|mins|minutes)\\b"
                    + "|\\btime to (?:summary|summaries|draft|transcript|notes|reply|result|report|completion|delivery|publish)"
                    + " \\d+(?: \\d+)? ?(?:ms|s|sec|secs|seconds|min|mins|minutes|h|hours?)\\b"),
            SignalRule.of("percentile", LATENCY_FAILURE, 0.7, "\\bp(?:50|75|90|95|99|999)\\b|\\b9[59](?:th)? percentile\\b"),
            SignalRule.of("timeout", LATENCY_FAILURE, 0.6, "\\b(?:timeouts?|timed out|timing out|times out|time ?outs?|deadline exceeded)\\b"));

    private LatencyRules() {}
}
