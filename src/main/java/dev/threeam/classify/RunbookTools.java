package dev.threeam.classify;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The tools a runbook's Tool failure section names ({@code `apply_tracked_changes`}) as tool evidence: an alert whose
 * name or prose names one of them and says it errors or fails ("apply_tracked_changes errored runs > 10 / 15m") is
 * that tool failing, as the on-call holding the runbook reads it; an alert's name may spell it in words
 * ("ReservePartErrors"). The name alone says only that the tool is involved
 * (names are not evidence): what failed is read beside it, where the prose does not rule it out.
 */
final class RunbookTools {

    static final double WEIGHT = 0.9;
    private static final SignalRule RULE = SignalRule.of("runbook-tool", FailureType.TOOL_FAILURE, WEIGHT, "$^");
    private static final Pattern FAILING = Pattern.compile("\\b(?:errors?|errored|erroring|error count|error rate"
            + "|fail(?:s|ed|ing|ures?)?|exceptions?|crash\\w*|rejected|refused|4\\d\\ds?|5\\d\\ds?)\\b");

    private RunbookTools() {}

    /** An alert's name spells the tool in words of its own ("ReservePartErrors" for {@code reserve_part}). */
    private static boolean spelledOut(String tool, Signal signal) {
        String words = Words.normalize(tool);
        return words.contains(" ") && (" " + signal.normalized() + " ").contains(" " + words + " ");
    }

    /** The strongest signal that names one of the workflow's tools and says it fails, or null. */
    static Hit match(WorkflowContext workflow, List<Signal> signals) {
        if (workflow.tools().isEmpty()) {
            return null;
        }
        List<Pattern> names = workflow.tools().stream()
                .map(Words::identifier).toList();
        Hit best = null;
        for (Signal signal : signals) {
            if (signal.where() == Where.LABEL) {
                continue; // a tool label is read by the tool rules already
            }
            String raw = signal.raw().toLowerCase(Locale.ROOT);
            for (int index = 0; index < names.size(); index++) {
                String tool = workflow.tools().get(index);
                if (!names.get(index).matcher(raw).find() && !(signal.where() == Where.NAME && spelledOut(tool, signal))) {
                    continue;
                }
                double factor = signal.firstCounted(FAILING);
                if (factor > 0) {
                    best = Hit.stronger(best, new Hit(RULE, signal, tool, factor));
                }
            }
        }
        return best;
    }
}
