package dev.threeam.runbook;

import java.util.Objects;

/**
 * Something wrong (or worth knowing) in a runbook file, said so a person can act on it:
 * {@code runbooks/support.md:14 escalation.policy_failure: role "legal" has no owner}.
 *
 * @param file    the file as people know it ({@code runbooks/support.md})
 * @param line    1-based line in that file; 0 when no line is meant (the folder itself)
 * @param key     the front-matter path ({@code rollbacks[1].flagd.file}); empty when the whole file is meant
 */
public record RunbookProblem(Severity severity, String file, int line, String key, String message) {

    /** ERROR keeps a file from loading; WARNING is reported and the file still loads. */
    public enum Severity { ERROR, WARNING }

    public RunbookProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        key = key == null ? "" : key;
        line = Math.max(line, 0);
    }

    public static RunbookProblem error(String file, int line, String key, String message) {
        return new RunbookProblem(Severity.ERROR, file, line, key, message);
    }

    public static RunbookProblem warning(String file, int line, String key, String message) {
        return new RunbookProblem(Severity.WARNING, file, line, key, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line key: message}, or {@code file:line: message} when no key is meant. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return key.isEmpty() ? where + ": " + message : where + " " + key + ": " + message;
    }
}
