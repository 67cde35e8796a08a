package dev.threeam.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A systemd unit file: {@code [Section]} and {@code Key=value} lines (a key may repeat), comments skipped. */
record SystemdUnit(Map<String, Map<String, List<String>>> sections) {

    static SystemdUnit read(Path file) {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> section = null;
        try {
            for (String raw : Files.readAllLines(file)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    section = sections.computeIfAbsent(line.substring(1, line.length() - 1), name -> new LinkedHashMap<>());
                } else if (section != null && line.contains("=")) {
                    int equals = line.indexOf('=');
                    section.computeIfAbsent(line.substring(0, equals).strip(), key -> new ArrayList<>()).add(line.substring(equals + 1).strip());
                } else {
                    throw new AssertionError(file + ": not a unit line: " + raw);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SystemdUnit(sections);
    }

    List<String> values(String section, String key) {
        return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
    }

    String value(String section, String key) {
        List<String> values = values(section, key);
        if (values.isEmpty()) {
            throw new AssertionError("[" + section + "] has no " + key + "=");
        }
        return values.get(values.size() - 1);
    }

    /** The {@code Environment=} assignments of {@code [Service]}: space-separated, each optionally in double quotes. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : values("Service", "Environment")) {
            for (String assignment : words(line)) {
                int equals = assignment.indexOf('=');
                if (equals <= 0) {
                    throw new AssertionError("Environment=" + line + ": \"" + assignment + "\" is not NAME=value");
                }
                environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
            }
        }
        return environment;
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
