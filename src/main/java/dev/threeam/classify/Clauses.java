package dev.threeam.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much each part of a piece of prose counts, read the way an on-call reads it: what a sentence says is fine
 * counts for nothing ("retrieval is fine", "no provider errors", "cost within budget"), what follows a contrast
 * counts more than what it answers ("X looks normal, but Y": Y is the point). Works on {@link Words#prose} text.
 *
 * <p>A health phrase rules out its clause: the words before it up to the start of the clause ("retrieval and
 * reranking are fine"; a singular "is" stops at the last "and": "cost doubled and latency is normal" keeps "cost
 * doubled") and the few after it ("OpenAI is healthy per their status page"), and
 * phrases that open with a negation ("no sign of provider errors", "not a retrieval problem") rule out what follows
 * them up to the end of the clause ("no tool call failed"). Health phrases include what stays as it was ("search step 120 ms as always",
 * "response times unchanged"; after a comma it speaks of the clause before: "cost per case EUR 0.04, unchanged") and a
 * latency that fell ("latency fell from 4s to 1.1s because …": faster is no latency failure, the reason is the point).
 * A baseline is not a verdict either: "p95 97s vs 20s normal" says what normal was. "200 OK" is a status code, not a verdict: a search answering "200 OK with results=0" found nothing. Nor is quoted
 * speech: "Half a baby aspirin is usually fine" quoted from the bot's reply is what it said, not the author's word that
 * something is fine.
 */
final class Clauses {

    static final double RULED_OUT = 0.0;
    static final double CONCEDED = 0.7;
    static final double STRESSED = 1.25;

    private static final Pattern CONTRAST = Pattern.compile(
            "\\b(?:but|however|whereas|while|although|(?<!not |as )yet|nevertheless)\\b");
    private static final Pattern CONCESSION_START = Pattern.compile("^(?:although|though|even though|while|whereas|despite)\\b");
    private static final Pattern PLURAL_VERB = Pattern.compile("^(?:are|were|look|seem|remain|stay|all)\\b");
    /** Health said of what precedes it ("retrieval is fine", "cost within budget", "the index is not the cause"). */
    private static final Pattern HEALTHY_BEFORE = Pattern.compile("\\b(?:(?:is|was|looks|seems|remains|stays|stayed"
            + "|remained|s|are|were|look|seem|remain|stay) (?:still |all |completely |perfectly |totally )?"
            + "(?:fine|ok|okay|healthy|normal|nominal|green|good|great|fast|quick|stable|steady|flat|unaffected|clean"
            + "|correct|successful)"
            + "|(?<!not )(?:fine(?! tun)|healthy|nominal|unaffected|unchanged|(?<!\\b(?:vs|versus|than|from) \\S{1,12}(?: (?!to )\\S{1,6})? )normal|(?<!200 |http )ok|okay)|as (?:always|usual)"
            + "|(?:latenc(?:y|ies)|p(?:50|75|90|95|99)|response times?|durations?)(?: \\S+){0,3}? (?:fell|dropped|decreased"
            + "|improved|went down|came down|halved)"
            + "|all (?:flat|steady|stable|green|normal|fine|unchanged|nominal)"
            + "|(?:within|inside) (?:the |its |their |our |this )?(?:\\S+ s |daily |weekly |monthly |hourly )?(?:budgets?|slos?"
            + "|slas?|limits?|thresholds?|targets?|normal range|bounds|baseline)|under (?:the |its |their )?(?:\\S+ s )?budget"
            + "|(?:every|each|all(?: the)?) (?:\\S+ )?(?:tools?|tool calls?|calls?|requests?|searche?s?|lookups?|apis?)"
            + " (?:has |have )?(?:answered|responded|succeeded|worked|came back fine)"
            + "|(?:at|near|on) (?:the )?baseline|as expected"
            + "|(?:is|are|was|were) not (?:the )?(?:cause|culprit|problem|issue|bottleneck|involved|affected|impacted"
            + "|degraded|slow|down|failing|erroring)|(?:is|are|was|were)n t (?:the )?(?:cause|culprit|problem|issue"
            + "|involved|affected|slow|down|failing|erroring)|ruled out|not (?:affected|involved|impacted|implicated)"
            + "|rules? out|excluded as (?:a )?cause|(?:all|calls?|requests?|runs?|queries|tools?|searche?s?|lookups?) (?:all |still )?succeed\\w*"
            + "|100 ?% success\\w*|succeeds? (?:quickly|every time|fine|normally)"
            + "|(?:calls?|requests?|runs?|queries|tools?|searche?s?|lookups?) (?:all |still |are |were |stay |stayed |answer "
            + "|answered |return |returned |respond |responded |complete |completed |take |took )*(?:under|below|in under|within|in)"
            + " \\d+ ?(?:ms|milliseconds)(?= \\||$| ,))\\b");
    /** Health said of what follows it ("no sign of provider errors", "not a retrieval problem", "rather than the model"). */
    private static final Pattern HEALTHY_AFTER = Pattern.compile("\\b(?:no|zero|without(?: any)?) (?:sign|signs|evidence"
            + "|indication) of\\b|\\bnothing (?:wrong|unusual|abnormal) (?:with|in|on)\\b|\\b(?:no|zero|without(?: any)?)"
            + "(?= (?:\\S+ )?(?:errors?|issues?|problems?|anomal\\w*|regressions?|impact|spikes?|increase|timeouts?|failures?"
            + "|throttling|retries|5xxs?|4xxs?|5\\d\\ds?|429s?)\\b)"
            + "|\\b(?:not|isn t|aren t|wasn t) (?:a|an)(?= \\S+ (?:\\S+ )?(?:issue|problem|failure|outage|incident"
            + "|regression|drift)\\b)|\\brather than\\b|\\band not\\b"
            + "|\\b(?:no|zero|not one|not a single|none of the)(?= (?:\\S+ ){1,3}?(?:failed|errored|timed out|broke|crashed)\\b)");
    private static final int FORWARD_WORDS = 6;

    /** Stretches of text that count for nothing: [start, end) pairs. */
    private final int[] ruledOut;
    /** Where quotation marks are ({@link Words#QUOTE_MARK}). */
    private final int[] quotes;
    /** Stretches with their factor: start, end, and the factor ×100. */
    private final int[] weighted;

    private Clauses(int[] ruledOut, int[] weighted, int[] quotes) {
        this.ruledOut = ruledOut;
        this.weighted = weighted;
        this.quotes = quotes;
    }

    /** True inside quoted speech. */
    boolean quoted(int offset) {
        return quoted(quotes, offset);
    }

    static Clauses of(String prose) {
        List<int[]> out = new ArrayList<>();
        List<int[]> weights = new ArrayList<>();
        int[] quotes = quoteMarks(prose);
        int sentenceStart = 0;
        while (sentenceStart < prose.length()) {
            int sentenceEnd = prose.indexOf(" | ", sentenceStart);
            sentenceEnd = sentenceEnd < 0 ? prose.length() : sentenceEnd;
            readSentence(prose, sentenceStart, sentenceEnd, out, weights, quotes);
            sentenceStart = sentenceEnd + 3;
        }
        return new Clauses(flatten(out), flatten(weights), quotes);
    }

    /** The factor of a word at {@code offset}: 0 when ruled out, 0.7 when conceded, 1.25 when stressed, else 1. */
    double factor(int offset) {
        for (int index = 0; index < ruledOut.length; index += 2) {
            if (offset >= ruledOut[index] && offset < ruledOut[index + 1]) {
                return RULED_OUT;
            }
        }
        for (int index = 0; index < weighted.length; index += 3) {
            if (offset >= weighted[index] && offset < weighted[index + 1]) {
                return weighted[index + 2] / 100.0;
            }
        }
        return 1.0;
    }

    /** Where the quotation marks of the prose are ({@link Words#QUOTE_MARK}). */
    private static int[] quoteMarks(String prose) {
        List<Integer> marks = new ArrayList<>();
        for (int at = prose.indexOf(Words.QUOTE_MARK); at >= 0; at = prose.indexOf(Words.QUOTE_MARK, at + 1)) {
            marks.add(at);
        }
        return marks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** True inside quoted speech: an odd number of quotation marks before {@code offset}. */
    private static boolean quoted(int[] quotes, int offset) {
        int before = 0;
        for (int mark : quotes) {
            if (mark < offset) {
                before++;
            }
        }
        return before % 2 == 1;
    }

    private static void readSentence(String prose, int start, int end, List<int[]> out, List<int[]> weights, int[] quotes) {
        String sentence = prose.substring(start, end);
        if (CONCESSION_START.matcher(sentence).find()) {
            int comma = sentence.indexOf(" , ");
            if (comma > 0) {
                weights.add(new int[] {start, start + comma, (int) (CONCEDED * 100)});
                weights.add(new int[] {start + comma, end, (int) (STRESSED * 100)});
            }
        } else {
            Matcher contrast = CONTRAST.matcher(sentence);
            if (contrast.find() && contrast.start() > 0) {
                weights.add(new int[] {start, start + contrast.start(), (int) (CONCEDED * 100)});
                weights.add(new int[] {start + contrast.start(), end, (int) (STRESSED * 100)});
            }
        }
        Matcher before = HEALTHY_BEFORE.matcher(sentence);
        while (before.find()) {
            if (quoted(quotes, start + before.start())) {
                continue;
            }
            boolean plural = PLURAL_VERB.matcher(before.group()).find();
            int from = clauseStart(sentence, before.start(), plural);
            if (appended(sentence, from, before)) {
                from = clauseStart(sentence, from, plural);
            }
            out.add(new int[] {start + from, start + clauseEnd(sentence, before.end())});
        }
        Matcher after = HEALTHY_AFTER.matcher(sentence);
        while (after.find()) {
            if (quoted(quotes, start + after.start())) {
                continue;
            }
            out.add(new int[] {start + after.start(), start + clauseEnd(sentence, after.end())});
        }
    }

    /** Where the clause holding {@code offset} starts: after the last comma or contrast (or "and", for a singular). */
    private static int clauseStart(String sentence, int offset, boolean plural) {
        String head = sentence.substring(0, offset);
        int from = Math.max(head.lastIndexOf(" , "), head.lastIndexOf(" | "));
        Matcher contrast = CONTRAST.matcher(head);
        while (contrast.find()) {
            from = Math.max(from, contrast.start());
        }
        if (!plural) {
            from = Math.max(from, head.lastIndexOf(" and "));
        }
        return Math.max(0, from);
    }

    /**
     * A health word set after a comma at the end of its clause speaks of the clause before the comma: "cost per case
     * EUR 0.04, unchanged", "search p50 120 ms, as always".
     */
    private static boolean appended(String sentence, int clauseStart, Matcher health) {
        String rest = sentence.substring(health.end()).strip();
        return sentence.substring(clauseStart, health.start()).strip().equals(Words.COMMA_MARK)
                && (rest.isEmpty() || rest.startsWith(Words.COMMA_MARK));
    }

    /**
     * Where the clause after {@code offset} ends: a comma, contrast, "and" or "because" (the reason is said, not
     * cleared: "latency fell because the search returns nothing"), or {@value #FORWARD_WORDS} words on.
     */
    private static int clauseEnd(String sentence, int offset) {
        int end = offset;
        for (int words = 0; words < FORWARD_WORDS && end < sentence.length(); words++) {
            int next = sentence.indexOf(' ', end + 1);
            next = next < 0 ? sentence.length() : next;
            String word = sentence.substring(end, next).trim();
            if (word.equals(",") || word.equals("and") || word.equals("because") || CONTRAST.matcher(word).matches()) {
                break;
            }
            end = next;
        }
        return end;
    }

    private static int[] flatten(List<int[]> parts) {
        return parts.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    }
}
