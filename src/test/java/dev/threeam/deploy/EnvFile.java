package dev.threeam.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code KEY=value} file as docker compose's {@code env_file} and systemd's {@code EnvironmentFile} read it: blank
 * lines and {@code #} comments skipped. Commented-out assignments ({@code #KEY=}) are kept apart: they name a
 * variable without setting it.
 */
record EnvFile(Map<String, String> assignments, Set<String> commentedOut) {

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)");

    static EnvFile read(Path file) {
        Map<String, String> assignments = new LinkedHashMap<>();
        Set<String> commentedOut = new LinkedHashSet<>();
        try {
            int number = 0;
            for (String raw : Files.readAllLines(file)) {
                number++;
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                boolean comment = line.startsWith("#");
                Matcher assignment = ASSIGNMENT.matcher(comment ? line.substring(1).strip() : line);
                if (assignment.matches()) {
                    if (comment) {
                        commentedOut.add(assignment.group(1));
                    } else {
                        assignments.put(assignment.group(1), assignment.group(2));
                    }
                } else if (!comment) {
                    throw new AssertionError(file + ":" + number + ": not KEY=value: " + raw);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EnvFile(assignments, commentedOut);
    }

    /** Every variable the file names, set or commented out. */
    Set<String> named() {
        Set<String> names = new LinkedHashSet<>(assignments.keySet());
        names.addAll(commentedOut);
        return names;
    }
}
