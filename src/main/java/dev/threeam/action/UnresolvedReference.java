package dev.threeam.action;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a {@code ${NAME}} the runbook loader left in place because the environment lacks it (sandbox mode).
 * A call built from such a value would go to a literal "${KB_ROLLBACK_URL}", so adapters refuse to make it.
 */
final class UnresolvedReference {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}?");

    private UnresolvedReference() {}

    /** The first reference in any string of {@code value} (maps and lists searched), as {@code ${NAME}}. */
    static Optional<String> in(Object value) {
        if (value instanceof String text) {
            Matcher matcher = REFERENCE.matcher(text);
            return matcher.find() ? Optional.of("${" + matcher.group(1) + "}") : Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Optional<String> found = in(entry.getKey()).or(() -> in(entry.getValue()));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                Optional<String> found = in(item);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code not called: ${KB_ROLLBACK_URL} is not set} */
    static String notCalled(String reference) {
        return "not called: " + reference + " is not set";
    }
}
