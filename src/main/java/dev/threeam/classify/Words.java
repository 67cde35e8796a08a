package dev.threeam.classify;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Puts names, metrics, labels and prose into one form that rules can read: camelCase split, lower case,
 * {@code _ . - : = { } ( )} and the like turned into single spaces. {@code RagRecallAt5Low} → {@code rag recall at5 low},
 * {@code gen_ai.client.token.usage} → {@code gen ai client token usage}, {@code ChatTTFTP95High} → {@code chat ttft p95 high}.
 * {@code @ / % $ > <} are kept ({@code recall@10}, {@code tokens/s}). A single lower-case letter before capitals
 * stays attached ({@code nDCG@5} → {@code ndcg@5}); an acronym glued to {@code API} is two words
 * ({@code OpenAIAPIErrors} → {@code open ai api errors}).
 */
final class Words {

    /** Word boundaries inside identifiers, compiled once (this runs for every field of every alert classified). */
    private static final Pattern CAMEL = Pattern.compile("(?<=[A-Za-z][a-z])(?=[A-Z])"
            + "|(?<=[0-9])(?=[A-Z][a-z])"
            + "|(?<=[A-Z])(?=[A-Z][a-z]{2,})"
            + "|(?<=[A-Z]{2})(?=P\\d{2})"
            + "|(?<=[A-Za-z])(?=[1-5]xx)"
            + "|(?<=[A-Z])(?=API(?:[A-Z][a-z]|$))");
    private static final Pattern PUNCTUATION = Pattern.compile("[_.:{}()\\[\\],;=\"'`*|!?~#^\\\\\\-]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Where a sentence or clause ends in prose: {@code . ; ! ?} before a space, {@code :} before a space, dashes, brackets, new lines. */
    private static final Pattern CLAUSE_END = Pattern.compile("[.;!?]+(?=\\s|$)|:(?=\\s)|\\s[-\u2013\u2014]+\\s|\u2014|[()\\[\\]\\n\\r]");
    private static final Pattern COMMA = Pattern.compile(",(?=\\s)");
    /** In {@link #prose} text: the end of a sentence or clause, and a comma, each a word of its own. */
    static final String SENTENCE_MARK = "|";
    static final String COMMA_MARK = ",";
    /**
     * A snake_case name ({@code reserve_part}, {@code copy_approval_rate}) as a whole identifier in lower-cased raw text,
     * not inside a longer one ({@code reserve_part_v2}); compiled once per name (a runbook has a handful).
     */
    static Pattern identifier(String name) {
        return IDENTIFIERS.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT),
                lower -> Pattern.compile("(?<![a-z0-9_])" + Pattern.quote(lower) + "(?![a-z0-9_])"));
    }

    /** In {@link #prose} text: where quoted speech starts or ends (a quotation mark, a {@code >} quoted line), a word of its own. */
    static final String QUOTE_MARK = "\u00ab";
    private static final java.util.Map<String, Pattern> IDENTIFIERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern QUOTED_LINE = Pattern.compile("(?m)^[ \t]*>[ \t]?(.*)$");
    private static final Pattern QUOTATION = Pattern.compile("[\"\u201c\u201d]");

    private Words() {}

    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String split = CAMEL.matcher(raw).replaceAll(" ");
        String lower = PUNCTUATION.matcher(split.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return SPACES.matcher(lower).replaceAll(" ").trim();
    }

    /**
     * Prose in {@link #normalize} form that keeps where sentences and clauses end, as the words {@code |} and
     * {@code ,}: "Retrieval is fine, but answers cite archived docs." → {@code retrieval is fine , but answers cite archived docs |},
     * and where quoted speech starts and ends, as {@link #QUOTE_MARK}.
     */
    static String prose(String raw) {
        if (raw == null) {
            return "";
        }
        String quoted = QUOTATION.matcher(QUOTED_LINE.matcher(raw).replaceAll(" \u0003 $1 \u0003 ")).replaceAll(" \u0003 ");
        String marked = COMMA.matcher(CLAUSE_END.matcher(quoted).replaceAll(" \u0001 ")).replaceAll(" \u0002 ");
        return normalize(marked).replace('\u0001', '|').replace('\u0002', ',').replace("\u0003", QUOTE_MARK);
    }

    /** Shortens a value for an evidence line. */
    static String shorten(String text, int max) {
        String oneLine = SPACES.matcher(text).replaceAll(" ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
