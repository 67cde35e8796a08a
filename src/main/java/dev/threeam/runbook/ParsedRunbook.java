package dev.threeam.runbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What reading one file gave: the runbook when it has no errors, and every problem found.
 * A Markdown file without front matter gives no runbook and only a warning: it is not a runbook.
 *
 * @param name the file as people know it ({@code runbooks/support.md})
 */
public record ParsedRunbook(Path file, String name, Optional<Runbook> runbook, List<RunbookProblem> problems,
                            Map<String, Integer> keyLines) {

    /** The key of {@link #keyLines} that holds the first line of the Markdown body. */
    public static final String BODY = "(body)";

    public ParsedRunbook {
        problems = List.copyOf(problems);
        keyLines = Map.copyOf(keyLines);
    }

    /** True when the file has an error (and so no runbook). */
    public boolean failed() {
        return problems.stream().anyMatch(RunbookProblem::isError);
    }

    /** The file line of a top-level key or list item ({@code workflow}, {@code aliases[1]}); 1 when unknown. */
    public int line(String key) {
        return keyLines.getOrDefault(key, 1);
    }

    /**
     * The line of the first of {@code keys} that is written ({@code escalation.cost_failure}, then
     * {@code escalation}), else 1. Besides top-level keys and aliases, {@code escalation.<type>} and {@link #BODY}
     * are known.
     */
    public int firstLine(String... keys) {
        for (String key : keys) {
            Integer line = keyLines.get(key);
            if (line != null) {
                return line;
            }
        }
        return 1;
    }

    /** The same file, failed with more errors: it gives no runbook. */
    ParsedRunbook failedWith(List<RunbookProblem> errors) {
        List<RunbookProblem> all = new ArrayList<>(problems);
        all.addAll(errors);
        return new ParsedRunbook(file, name, Optional.empty(), all, keyLines);
    }
}
