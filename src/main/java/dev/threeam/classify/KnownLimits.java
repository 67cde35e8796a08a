package dev.threeam.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A runbook's {@code known_limits} as policy evidence: an alert whose name or prose describes one of them (shares
 * enough of its content words) describes that limit being broken, which is a policy failure of that workflow.
 * "Refunds above 200 EUR are never promised" and an alert "bot promised a 450 EUR refund" share {@code refund},
 * {@code promise}. A limit counts when at least {@value #ENOUGH_WORDS} of its content words appear, or
 * {@value #FEW_WORDS} that cover half of them or stand side by side in both ("SIM swap"). The workflow's own words
 * (its id, aliases and title: "claim", "summary" for a claims summarizer) are in every alert of it and count for
 * nothing: a limit is described by what it forbids. Two words are enough only when one of them is the act the limit
 * forbids (the first word after its "never", "no", "not", "always" or "only", and what "or" joins to it: "never <b>writes</b>
 * or <b>rewrites</b> the essay"; after a light verb, its object: "never performs a <b>SIM swap</b>") or
 * the alert says the limit was broken ("without", "skipped", another customer's…): the things a limit names ("charge
 * nurse", "revenue hold", "huddle summary") are in the product's everyday alerts too, and sharing them says nothing
 * of a breach.
 *
 * <p>Limits are read once per text and kept (a runbook has a handful); alerts are stemmed only when the workflow
 * has limits.
 */
final class KnownLimits {

    static final int ENOUGH_WORDS = 3;
    static final int FEW_WORDS = 2;
    static final double WEIGHT = 0.9;
    /** How much of a limit its evidence quotes. */
    static final int QUOTED = 140;
    private static final int MAX_CACHED = 2_000;
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9]+");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+)+");
    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "by", "for", "from", "with",
            "without", "into", "onto", "over", "under", "above", "below", "before", "after", "than", "then", "that",
            "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being", "has", "have",
            "had", "do", "does", "did", "done", "not", "no", "never", "always", "only", "must", "should", "may",
            "can", "cannot", "will", "would", "shall", "any", "every", "each", "all", "other", "others", "such",
            "whether", "when", "where", "which", "who", "whom", "what", "how", "if", "else", "also", "own", "their",
            "they", "them", "there", "here", "so", "as", "per", "via", "one", "two", "go", "goes", "gets", "get",
            "bot", "agent", "assistant", "model", "ai", "answer", "answers", "user", "users", "refused", "refuse",
            "handed", "instead", "decides", "decide", "more", "most", "less", "least", "just", "again", "time",
            "second", "seconds", "within", "up", "out", "off", "s", "e", "g", "eg", "ie", "etc", "way", "thing");

    private static final List<String> SUFFIXES = List.of("iables", "iable", "ables", "able", "ibles", "ible", "izations", "ization", "izers", "izer", "izing", "ized",
            "izes", "ize", "ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "al", "s", "e", "y");

    /** Past forms a suffix cannot undo: a limit on what the bot "writes" is broken when it "wrote". */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("wrote", "write"),
            Map.entry("written", "write"), Map.entry("rewrote", "rewrite"), Map.entry("rewritten", "rewrite"),
            Map.entry("gave", "give"), Map.entry("given", "give"), Map.entry("shown", "show"), Map.entry("told", "tell"),
            Map.entry("sent", "send"), Map.entry("sold", "sell"), Map.entry("made", "make"), Map.entry("took", "take"),
            Map.entry("taken", "take"), Map.entry("said", "say"), Map.entry("paid", "pay"), Map.entry("spoke", "speak"),
            Map.entry("spoken", "speak"), Map.entry("chose", "choose"), Map.entry("chosen", "choose"),
            Map.entry("kept", "keep"), Map.entry("bought", "buy"), Map.entry("hid", "hide"), Map.entry("hidden", "hide"),
            Map.entry("broke", "break"), Map.entry("broken", "break"), Map.entry("ran", "run"));

    /** Words after which a limit says what is never (or only, or always) done. */
    private static final Set<String> MARKERS = Set.of("never", "no", "not", "always", "only", "nor");
    /** Verbs whose object says what is done ("performs a SIM swap", "gives dosing advice", "issues a refund"), stemmed. */
    private static final Set<String> LIGHT_VERBS = Set.of("perform", "do", "make", "give", "issu", "issue", "carry",
            "conduct", "process", "execut", "execute", "initiat", "initiate", "run", "take", "offer", "provid", "provide",
            "grant", "place", "submit", "complet", "complete");
    /** How an alert says a limit was broken, not only what it is about. */
    private static final Pattern BREACH = Pattern.compile("\\b(?:skip(?:ped|ping|s)?|bypass\\w*|circumvent\\w*"
            + "|unapproved|unreviewed|unauthori[sz]ed|unsanctioned"
            + "|(?:without|w/o|no|before) (?:the |a |an |any )?(?:\\S+ ){0,2}?(?:sign ?offs?|approvals?|approve\\w*|review|consent|confirmation"
            + "|verification|authori[sz]ation|permission|decision|check)|other (?:\\S+ )?(?:customers?|clients?|users?"
            + "|tenants?|members?|patients?|sites?|accounts?|students?|candidates?)|another|cross (?:site|tenant|account|customer"
            + "|client|user)|leak\\w*|disclos\\w*|violat\\w*|forbidden|prohibited|not allowed|against (?:the )?policy"
            + "|overrid\\w*|overrode|ignor\\w*)\\b");

    private static final Map<String, KnownLimit> READ = new ConcurrentHashMap<>();

    private KnownLimits() {}

    /** The best-matching limit's evidence as a policy hit in the place it was found, or null when none matches. */
    static Hit match(WorkflowContext workflow, List<Signal> signals) {
        return match(workflow, signals, false);
    }

    /**
     * As {@link #match(WorkflowContext, List)}; for an alert that fires on a single occurrence ({@code zeroTolerance}:
     * its threshold is 0, as for a LangSmith rule counting runs a feedback key flagged, "said_fine_with_medication >
     * 0"), one word of a limit in the key its name is built on is enough: such a rule names something that must never
     * happen, in a few words.
     */
    static Hit match(WorkflowContext workflow, List<Signal> signals, boolean zeroTolerance) {
        List<String> limits = workflow.knownLimits();
        if (limits.isEmpty()) {
            return null;
        }
        Set<String> own = new java.util.HashSet<>(stems(workflow.ownWords()));
        List<Signal> readable = signals.stream().filter(s -> s.where() == Where.NAME || s.where() == Where.TEXT).toList();
        List<List<String>> stems = new ArrayList<>(readable.size());
        readable.forEach(signal -> stems.add(stems(signal)));
        boolean saysBroken = readable.stream().anyMatch(signal -> breach(signal));
        Set<String> tools = new java.util.HashSet<>(); // "credit_ledger_errors > 0" names a tool, not a breach
        if (zeroTolerance) {
            workflow.tools().forEach(tool -> tools.addAll(stems(Words.normalize(tool))));
        }
        Hit best = null;
        for (String text : limits) {
            KnownLimit limit = read(text);
            for (int index = 0; index < readable.size(); index++) {
                List<String> alertStems = stems.get(index);
                List<String> shared = limit.shared(alertStems, own);
                Signal signal = readable.get(index);
                boolean named = zeroTolerance && signal.where() == Where.NAME
                        && shared.stream().anyMatch(word -> !tools.contains(word) && inKey(signal.raw(), word));
                if (named || limit.broken(shared, alertStems, own, saysBroken)) {
                    Hit hit = limit.hit(readable.get(index), shared);
                    if (best == null || hit.score() > best.score()) {
                        best = hit;
                    }
                }
            }
        }
        return best;
    }

    /** The word is part of a snake_case key in the raw text: a feedback key ("said_fine_with_medication"). */
    private static boolean inKey(String raw, String stem) {
        var key = KEY.matcher(raw.toLowerCase(java.util.Locale.ROOT));
        while (key.find()) {
            for (String part : key.group().split("_")) {
                if (stem(part).equals(stem)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The signal says something was done that should not have been (in a part of its prose that counts). */
    private static boolean breach(Signal signal) {
        var matcher = BREACH.matcher(signal.normalized());
        while (matcher.find()) {
            if (signal.factor(matcher.start()) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The content words of a text, stemmed, in order. */
    static List<String> stems(String normalized) {
        List<String> stems = new ArrayList<>();
        var matcher = WORD.matcher(normalized);
        while (matcher.find()) {
            String word = matcher.group();
            if (!STOP.contains(word)) {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    /** The content words of a signal, stemmed, in order, leaving out what its prose rules out. */
    private static List<String> stems(Signal signal) {
        List<String> stems = new ArrayList<>();
        var matcher = WORD.matcher(signal.normalized());
        while (matcher.find()) {
            String word = matcher.group();
            if (!STOP.contains(word) && signal.factor(matcher.start()) > 0) {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    /** A crude English stem, enough to meet "refunds"/"refund", "promised"/"promise", "merges"/"merging", "wrote"/"writes". */
    static String stem(String raw) {
        String word = IRREGULAR.getOrDefault(raw, raw);
        for (String suffix : SUFFIXES) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= 4) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private static KnownLimit read(String text) {
        KnownLimit known = READ.get(text);
        if (known == null) {
            if (READ.size() > MAX_CACHED) {
                READ.clear();
            }
            String normalized = Words.normalize(text);
            List<String> words = stems(normalized);
            Set<String> pairs = new LinkedHashSet<>();
            for (int index = 1; index < words.size(); index++) {
                pairs.add(words.get(index - 1) + " " + words.get(index));
            }
            known = new KnownLimit(text, new LinkedHashSet<>(words), pairs, acts(normalized));
            READ.put(text, known);
        }
        return known;
    }

    /** What a limit forbids (or requires): the first content word after each "never", "no", "always", "only"…, stemmed. */
    private static Set<String> acts(String normalized) {
        Set<String> acts = new LinkedHashSet<>();
        boolean marked = false;
        boolean afterAct = false;
        boolean verb = false;
        int objectWords = 0;
        var matcher = WORD.matcher(normalized);
        while (matcher.find()) {
            String word = matcher.group();
            if (MARKERS.contains(word)) {
                marked = true;
                verb = word.equals("never") || word.equals("not");
            } else if (marked && !STOP.contains(word)) {
                acts.add(stem(word));
                objectWords = LIGHT_VERBS.contains(stem(word)) ? 2 : 0;
                marked = false;
                afterAct = verb;
                continue;
            } else if (objectWords > 0 && !STOP.contains(word)) {
                acts.add(stem(word)); // "never performs a SIM swap": with a light verb, the act is in its object
                objectWords--;
                continue;
            } else if (afterAct && (word.equals("or") || word.equals("and"))) {
                marked = true; // "never writes or rewrites": both are what it forbids ("no X or Y" names things)
            }
            afterAct = false;
        }
        return acts;
    }

    /**
     * One limit as written, its content words, the pairs of them that stand side by side, and what it forbids (the
     * word after each of its "never"s).
     */
    private record KnownLimit(String text, Set<String> words, Set<String> pairs, Set<String> acts) {

        private static final SignalRule RULE =
                SignalRule.of("known-limit", FailureType.POLICY_FAILURE, WEIGHT, "$^");

        List<String> shared(List<String> alertStems, Set<String> own) {
            return words.stream().filter(word -> !own.contains(word)).filter(alertStems::contains).toList();
        }

        boolean broken(List<String> shared, List<String> alertStems, Set<String> own, boolean saysBroken) {
            if (shared.size() >= ENOUGH_WORDS) {
                return true;
            }
            if (shared.size() < FEW_WORDS || !saysBroken && shared.stream().noneMatch(acts::contains)) {
                return false;
            }
            long distinctive = words.stream().filter(word -> !own.contains(word)).count();
            if (shared.size() * 2 >= distinctive) {
                return true;
            }
            for (int index = 1; index < alertStems.size(); index++) {
                String first = alertStems.get(index - 1);
                String second = alertStems.get(index);
                if (!own.contains(first) && !own.contains(second) && pairs.contains(first + " " + second)) {
                    return true;
                }
            }
            return false;
        }

        Hit hit(Signal signal, List<String> shared) {
            double strength = shared.size() >= ENOUGH_WORDS + 1 ? 1.0 : shared.size() >= ENOUGH_WORDS ? 0.9 : 0.8;
            return new Hit(RULE, signal, "known limit \"" + Words.shorten(text, QUOTED) + "\" (shares "
                    + String.join(", ", shared) + ")", strength);
        }
    }
}
