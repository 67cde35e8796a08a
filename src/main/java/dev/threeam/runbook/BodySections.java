package dev.threeam.runbook;

import dev.threeam.classify.FailureType;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Cuts a runbook body into its {@code ## <Failure type>} sections ({@code ## Retrieval failure}, matched without
 * regard to case; the id {@code ## retrieval_failure} works too). A section runs to the next {@code #} or
 * {@code ##} heading; headings inside fenced code blocks do not count.
 */
final class BodySections {

    private BodySections() {}

    /** The sections by failure type; {@code onDuplicate} is told the body line of a repeated heading. */
    static Map<FailureType, String> split(String body, DuplicateListener onDuplicate) {
        Map<FailureType, String> sections = new EnumMap<>(FailureType.class);
        List<String> lines = body.lines().toList();
        FailureType current = null;
        StringBuilder text = new StringBuilder();
        boolean inFence = false;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                inFence = !inFence;
            }
            boolean heading = !inFence && (line.startsWith("# ") || line.startsWith("## "));
            if (!heading) {
                text.append(line).append('\n');
                continue;
            }
            store(sections, current, text);
            current = line.startsWith("## ") ? typeOf(line.substring(3)).orElse(null) : null;
            if (current != null && sections.containsKey(current)) {
                onDuplicate.duplicate(current, index);
            }
            text.setLength(0);
        }
        store(sections, current, text);
        return sections;
    }

    private static void store(Map<FailureType, String> sections, FailureType type, StringBuilder text) {
        if (type != null) {
            sections.merge(type, text.toString().strip(), (first, second) -> first + "\n\n" + second);
        }
    }

    private static Optional<FailureType> typeOf(String heading) {
        String title = heading.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(FailureType.values())
                .filter(type -> type.title().toLowerCase(Locale.ROOT).equals(title))
                .findFirst()
                .or(() -> FailureType.fromId(title));
    }

    /** Told about a second section for the same failure type (its text is appended to the first). */
    interface DuplicateListener {
        void duplicate(FailureType type, int bodyLineIndex);
    }
}
