package dev.threeam.classify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words each type's alerts are written in, one by one: the fallback when no phrase rule speaks. "Summaries
 * invent dates" has no quality phrase, but "invent" leans quality; "voice bot pauses 3s" leans latency. A signal
 * that holds {@code n} distinct words of a type scores {@code 0.3 + 0.1 n} (at most 0.7) times its place, so one
 * word in an alert's name just reaches a decision, one word in prose does not, and a phrase rule (0.8–1.0)
 * outweighs any number of loose words. Words the workflow uses for itself (its id, aliases and title) and what the
 * prose rules out do not count, nor do currency words in prose: "declared salary EUR 85,000" is data the answer was
 * about, not a bill ({@link CostRules} reads currency only where an alert is named or measured). Complaints are no
 * type's word: they say users are unhappy, not what is wrong ("Guest complaints up. Something is off with the bot"
 * decides nothing and Q1 asks the on-call); what they complain about ("slow", "wrong answers") speaks for itself.
 */
final class Lexicon {

    static final double BASE = 0.3;
    static final double PER_WORD = 0.1;
    static final int MOST_WORDS = 4;
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+");
    private static final Set<String> CURRENCY = Set.of("usd", "eur", "euro", "dollar", "money");

    private static final Map<FailureType, List<String>> WORDS = Map.of(
            FailureType.QUALITY_DRIFT, List.of("hallucinate", "hallucination", "invent", "invented", "fabricate",
                    "fabricated", "incorrect", "inaccurate", "nonsense", "garbled", "vague", "dismiss",
                    "unhelpful", "helpfulness", "rating", "thumbs", "judge", "eval", "evaluation", "quality",
                    "tone", "rude", "curt", "verbose", "rambling", "repetitive", "contradict", "misstate", "misquote",
                    "mistranslate", "mistranslation", "grammar", "incoherent", "accuracy", "inaccuracy", "faithfulness",
                    "grounded", "ungrounded", "worse", "wrong", "sloppy", "noise", "noisy", "nitpick"),
            FailureType.RETRIEVAL_FAILURE, List.of("search", "index", "indexed", "document", "article", "source",
                    "corpus", "crawl", "crawler", "results", "rank", "ranking", "retrieve", "retrieval", "embedding",
                    "chunk", "passage", "snippet", "kb", "wiki", "stale", "outdated", "spam", "seo", "cms", "recall",
                    "freshness", "sync", "connector", "ingest", "vector", "semantic", "knowledge", "top", "unsearchable", "grounding"),
            FailureType.TOOL_FAILURE, List.of("tool", "function", "plugin", "api", "webhook", "integration",
                    "arguments", "parameter", "schema", "payload", "crash", "quota", "browser", "sandbox", "executor",
                    "mcp", "idempotency", "retried", "400", "401", "403", "404", "409", "422", "endpoint", "allowlist", "oauth"),
            FailureType.POLICY_FAILURE, List.of("disclose", "disclosed", "leak", "leaked", "confidential", "internal",
                    "secret", "salary", "privacy", "private", "personal", "gdpr", "hipaa", "pii", "consent",
                    "unauthorized", "unauthorised", "forbidden", "prohibited", "violate", "violation", "breach",
                    "compliance", "minor", "minors", "children", "kids", "underage", "unverified", "age", "explicit", "nsfw", "weapon", "exploit", "harassment",
                    "abuse", "refuse", "refusal", "escalate", "approval", "approve", "colleague",
                    "impersonate", "defamation", "copyright", "scope", "advice", "advise", "advised", "recommend"),
            FailureType.COST_FAILURE, List.of("cost", "costs", "spend", "bill", "invoice", "charges", "price", "pricing",
                    "expensive", "budget", "cap", "forecast", "token", "tokens", "dollar", "usd", "eur", "money",
                    "overage", "premium", "cheaper", "wasted"),
            FailureType.LATENCY_FAILURE, List.of("slow", "slower", "latency", "pause", "pauses", "delay", "delayed",
                    "wait", "waiting", "ttft", "stall", "hang", "hangs", "freeze", "sluggish", "speed",
                    "duration", "p95", "p99", "p90", "seconds", "ms", "longer", "abandon"),
            FailureType.PROVIDER_OUTAGE, List.of("openai", "anthropic", "gemini", "bedrock", "vertex", "mistral",
                    "cohere", "claude", "gpt", "provider", "vendor", "upstream", "outage", "llm", "529", "overloaded", "revoked", "throttled", "throttling", "unavailable", "deprecated", "retired",
                    "sunset"),
            FailureType.UNCLASSIFIED, List.of("pod", "node", "disk", "cpu", "memory", "kube", "k8s", "container",
                    "replica", "cluster", "shard", "volume", "cert", "certificate", "tls", "dns", "network", "redis",
                    "kafka", "consumer", "postgres", "mysql", "host", "vm", "restart", "reboot", "oom", "evicted", "backup",
                    "storage", "ingress", "nginx", "firewall", "vpn", "bandwidth", "packet"));

    private static final Set<String> CURRENCY_STEMS = Set.copyOf(CURRENCY.stream().map(KnownLimits::stem).toList());
    /** Each type's words, stemmed the way alerts are read. */
    private static final Map<String, List<FailureType>> BY_STEM = index();
    /** The rule behind each count of words, per type: {@code words} with weight 0.4 … 0.7. */
    private static final Map<FailureType, SignalRule[]> RULES = rules();

    private Lexicon() {}

    /** A hit per type whose words this signal holds (names and prose only), or none. */
    static List<Hit> hits(Signal signal, Set<String> ownWords) {
        if (signal.where() == Where.LABEL) {
            return List.of();
        }
        Map<FailureType, Set<String>> found = new EnumMap<>(FailureType.class);
        Matcher token = TOKEN.matcher(signal.normalized());
        while (token.find()) {
            String stem = KnownLimits.stem(token.group());
            List<FailureType> types = BY_STEM.get(stem);
            boolean data = signal.where() == Where.TEXT && CURRENCY_STEMS.contains(stem);
            if (types != null && !data && signal.factor(token.start()) > 0 && !ownWords.contains(stem)) {
                types.forEach(type -> found.computeIfAbsent(type, key -> new LinkedHashSet<>()).add(token.group()));
            }
        }
        List<Hit> hits = new ArrayList<>(found.size());
        found.forEach((type, words) -> hits.add(new Hit(RULES.get(type)[Math.min(words.size(), MOST_WORDS)], signal,
                String.join(", ", words), 1.0)));
        return hits;
    }

    private static Map<String, List<FailureType>> index() {
        Map<String, List<FailureType>> index = new HashMap<>();
        WORDS.forEach((type, words) -> words.forEach(word -> {
            for (String part : Words.normalize(word).split(" ")) {
                index.computeIfAbsent(KnownLimits.stem(part), key -> new ArrayList<>()).add(type);
            }
        }));
        index.replaceAll((stem, types) -> List.copyOf(new LinkedHashSet<>(types)));
        return Map.copyOf(index);
    }

    private static Map<FailureType, SignalRule[]> rules() {
        Map<FailureType, SignalRule[]> rules = new EnumMap<>(FailureType.class);
        for (FailureType type : FailureType.values()) {
            SignalRule[] byCount = new SignalRule[MOST_WORDS + 1];
            for (int count = 1; count <= MOST_WORDS; count++) {
                byCount[count] = SignalRule.of("words", type, BASE + PER_WORD * count, "$^");
            }
            rules.put(type, byCount);
        }
        return rules;
    }
}
