package dev.threeam.classify;

import java.util.Locale;

/**
 * Puts names, metrics, labels and prose into one form that rules can read: camelCase split, lower case,
 * {@code _ . - : = { } ( )} and the like turned into single spaces. {@code RagRecallAt5Low} → {@code rag recall at5 low},
 * {@code gen_ai.client.token.usage} → {@code gen ai client token usage}, {@code ChatTTFTP95High} → {@code chat ttft p95 high}.
 * {@code @ / % $ > <} are kept ({@code recall@10}, {@code tokens/s}). A single lower-case letter before capitals
 * stays attached ({@code nDCG@5} → {@code ndcg@5}).
 */
final class Words {

    private Words() {}

    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String split = raw
                .replaceAll("(?<=[A-Za-z][a-z])(?=[A-Z])", " ")
                .replaceAll("(?<=[0-9])(?=[A-Z][a-z])", " ")
                .replaceAll("(?<=[A-Z])(?=[A-Z][a-z]{2,})", " ")
                .replaceAll("(?<=[A-Z]{2})(?=P\\d{2})", " ")
                .replaceAll("(?<=[A-Za-z])(?=[1-5]xx)", " ");
        return split.toLowerCase(Locale.ROOT)
                .replaceAll("[_.:{}()\\[\\],;=\"'`*|!?~#^\\\\\\-]+", " ")
                .replaceAll("\\s+", " ")
                .trim();
    }

    /** Shortens a value for an evidence line. */
    static String shorten(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
