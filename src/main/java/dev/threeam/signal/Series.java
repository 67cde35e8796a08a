package dev.threeam.signal;

/** Names of the per-minute series kept per workflow. */
final class Series {

    static final String TOKENS = "tokens";
    static final String USD = "usd";
    static final String LATENCY = "latency";
    static final String TTFT = "ttft";
    static final String QUALITY = "quality:";
    static final String TOOL = "tool:";

    private Series() {}
}
