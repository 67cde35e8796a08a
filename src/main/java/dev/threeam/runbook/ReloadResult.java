package dev.threeam.runbook;

import java.util.List;

/**
 * What a reload did, for the person who asked ({@code /ai-incident reload}) and the log.
 *
 * @param loaded       files whose current version is now served
 * @param keptLastGood files that became invalid; their last good version is still served
 * @param failed       files that did not load and have no earlier version
 * @param removed      files gone since the last load (their runbooks are dropped)
 * @param problems     every problem found, warnings included
 */
public record ReloadResult(List<String> loaded, List<String> keptLastGood, List<String> failed, List<String> removed,
                           List<RunbookProblem> problems) {

    public ReloadResult {
        loaded = List.copyOf(loaded);
        keptLastGood = List.copyOf(keptLastGood);
        failed = List.copyOf(failed);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
    }

    /** True when every file loaded in its current version. */
    public boolean ok() {
        return keptLastGood.isEmpty() && failed.isEmpty() && problems.stream().noneMatch(RunbookProblem::isError);
    }

    /** One line: "3 runbooks loaded; support.md kept its last good version; 1 error, 2 warnings". */
    public String summary() {
        StringBuilder summary = new StringBuilder(loaded.size() + (loaded.size() == 1 ? " runbook" : " runbooks")
                + " loaded");
        if (!keptLastGood.isEmpty()) {
            summary.append("; kept the last good version of ").append(String.join(", ", keptLastGood));
        }
        if (!failed.isEmpty()) {
            summary.append("; not loaded: ").append(String.join(", ", failed));
        }
        if (!removed.isEmpty()) {
            summary.append("; removed: ").append(String.join(", ", removed));
        }
        long errors = problems.stream().filter(RunbookProblem::isError).count();
        long warnings = problems.size() - errors;
        if (errors + warnings > 0) {
            summary.append("; ").append(errors).append(errors == 1 ? " error, " : " errors, ")
                    .append(warnings).append(warnings == 1 ? " warning" : " warnings");
        }
        return summary.toString();
    }
}
