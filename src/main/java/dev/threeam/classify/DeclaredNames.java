package dev.threeam.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names an alert itself introduces as names, in its own words: the dashboard, panel or monitor it came from
 * ({@code CostAnomaly-dashboard panel:}, {@code retrieval-sla monitor:}, {@code Monitor 'retrieval-sla'}, "on the
 * latency dashboard"), the eval job or check that raised it ({@code Eval job 'latency-budget-regression'}), the
 * consumer group, topic or queue it is about ({@code Consumer group kyc-docs-ingest}) and a snake_case tool
 * ({@code carrier_tracking tool}). They say where the alert came from or which thing it is about, never how it
 * failed, so {@link Identity} blots them out wherever they appear in the alert, its name included.
 *
 * <p>Only identifier-shaped names count before a place word (kebab, snake or CamelCase), or any name in quotes after
 * one: "the cost monitor" and "faithfulness eval" stay readable, an eval is usually named for what it measures.
 */
final class DeclaredNames {

    private static final String IDENTIFIER = "(?:[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)";
    /** {@code retrieval-sla monitor}, {@code lex-find-latency-dashboard}, {@code CostAnomaly-dashboard panel}. */
    private static final Pattern PLACE_AFTER = Pattern.compile("(?<![\\w@/.-])" + IDENTIFIER
            + "[-_ ](?i:dashboard|panel|board|monitor)(?:[- ](?i:panel|board))?(?![\\w-])");
    /** "on the latency dashboard", "from the cost board". */
    private static final Pattern ON_THE_PLACE = Pattern.compile("(?i)\\b(?:on|in|from) (?:the|our) ([a-z]+ (?:dashboard|board))\\b");
    /** {@code Monitor 'retrieval-sla'}, {@code eval job "latency-budget-regression"}, {@code dashboard `LLM Ops`}. */
    private static final Pattern QUOTED_AFTER_PLACE = Pattern.compile("(?i)\\b(?:dashboard|panel|board|monitor|eval(?:uation)?"
            + "(?: job)?|job|check|consumer group|topic|queue)[ :]+['\"\u2018\u201c`]([^'\"\u2019\u201d`]{2,60})['\"\u2019\u201d`]");
    /** {@code Consumer group kyc-docs-ingest}, {@code topic audit-log}: a queue's name says nothing about an index. */
    private static final Pattern QUEUE_NAME = Pattern.compile("(?i)\\b(?:consumer groups?|topics?|queues?|subscriptions?|streams?)"
            + " ([a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+)\\b");
    /** {@code carrier_tracking tool}: a snake_case tool name is the tool's name. */
    private static final Pattern TOOL_NAME = Pattern.compile("(?<![\\w@/.-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+) (?i:tool|function)\\b");

    private DeclaredNames() {}

    /** The names this text introduces, as written (a place's name with its place word, and a quoted name alone). */
    static List<String> in(String raw) {
        List<String> names = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return names;
        }
        find(PLACE_AFTER, 0, raw, names);
        find(ON_THE_PLACE, 1, raw, names);
        find(QUOTED_AFTER_PLACE, 0, raw, names);
        find(QUOTED_AFTER_PLACE, 1, raw, names);
        find(QUEUE_NAME, 1, raw, names);
        find(TOOL_NAME, 1, raw, names);
        return names;
    }

    private static void find(Pattern pattern, int group, String raw, List<String> names) {
        Matcher matcher = pattern.matcher(raw);
        while (matcher.find()) {
            names.add(matcher.group(group));
        }
    }
}
