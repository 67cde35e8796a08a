package dev.threeam.runbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects the problems of one file, placing each on the line of its key; also reads values and reports shapes. */
final class Problems {

    private final String file;
    private final YamlTree tree;
    private final List<RunbookProblem> found = new ArrayList<>();
    private final Set<String> unresolved = new HashSet<>();

    Problems(String file, YamlTree tree) {
        this.file = file;
        this.tree = tree;
    }

    void error(String path, String message) {
        found.add(RunbookProblem.error(file, tree.line(path), path, message));
    }

    /** A problem about {@code key} placed on the line of {@code linePath} (a list item of that key, say). */
    void errorAt(String linePath, String key, String message) {
        found.add(RunbookProblem.error(file, tree.line(linePath), key, message));
    }

    void warning(String path, String message) {
        found.add(RunbookProblem.warning(file, tree.line(path), path, message));
    }

    void warningOnLine(int line, String key, String message) {
        found.add(RunbookProblem.warning(file, line, key, message));
    }

    /** {@code path} still holds a {@code ${NAME}} whose variable is not set (already reported). */
    void markUnresolved(String path) {
        unresolved.add(path);
    }

    /** True when {@code path}'s value keeps an unset {@code ${NAME}}: its format cannot be checked here. */
    boolean unresolved(String path) {
        return unresolved.contains(path);
    }

    List<String> duplicateKeys() {
        return tree.duplicateKeys();
    }

    List<RunbookProblem> all() {
        return List.copyOf(found);
    }

    boolean hasErrors() {
        return found.stream().anyMatch(RunbookProblem::isError);
    }

    /** The mapping at {@code path}, or null (reported unless absent). */
    Map<String, Object> map(Object value, String path) {
        Map<String, Object> map = Values.map(value);
        if (map == null && value != null) {
            error(path, "expected a mapping (key: value), got " + Values.describe(value));
        }
        return map;
    }

    List<Object> list(Object value, String path) {
        List<Object> list = Values.list(value);
        if (list == null && value != null) {
            error(path, "expected a list, got " + Values.describe(value));
        }
        return list;
    }

    /** A list of words; a single word is accepted as a list of one. Empty when absent or malformed. */
    List<String> texts(Object value, String path) {
        List<String> texts = Values.texts(value);
        if (texts == null) {
            error(path, "expected a list of words like [a, b], got " + Values.describe(value));
            return List.of();
        }
        return texts;
    }

    /** Non-blank text, or null (reported as missing when {@code required}). */
    String text(Object value, String path, boolean required) {
        String text = Values.text(value);
        if (value != null && text == null) {
            error(path, "expected text, got " + Values.describe(value));
            return null;
        }
        if (text == null || text.isBlank()) {
            if (required) {
                error(path, "required but missing");
            }
            return null;
        }
        return text;
    }
}
