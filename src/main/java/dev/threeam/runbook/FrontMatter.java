package dev.threeam.runbook;

import java.util.List;
import java.util.Optional;

/**
 * A Markdown file cut into its YAML front matter (between a leading {@code ---} line and the next {@code ---})
 * and its body, with the line numbers each part starts on.
 */
record FrontMatter(String yaml, int yamlFirstLine, String body, int bodyFirstLine) {

    /** Empty when the file does not start with {@code ---}: it is not a runbook. */
    static Optional<FrontMatter> split(String text) throws UnclosedException {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !isFence(stripBom(lines.get(0)))) {
            return Optional.empty();
        }
        for (int index = 1; index < lines.size(); index++) {
            if (isFence(lines.get(index)) || lines.get(index).strip().equals("...")) {
                String yaml = String.join("\n", lines.subList(1, index));
                String body = String.join("\n", lines.subList(index + 1, lines.size()));
                return Optional.of(new FrontMatter(yaml, 2, body, index + 2));
            }
        }
        throw new UnclosedException();
    }

    private static boolean isFence(String line) {
        return line.strip().equals("---");
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** The file opens front matter with {@code ---} and never closes it. */
    static final class UnclosedException extends Exception {
        UnclosedException() {
            super("front matter opened with --- on line 1 is never closed: add a --- line after the last key");
        }
    }
}
