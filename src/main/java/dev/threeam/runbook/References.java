package dev.threeam.runbook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in every front-matter value with the environment's value. A missing (or blank)
 * variable is reported on the key that names it, as an error or a warning as {@link UnsetVariables} says; the text
 * keeps {@code ${NAME}}, and the key is marked so that format checks (a Slack id, a flag file) leave it alone.
 */
final class References {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, String> env;
    private final UnsetVariables unset;
    private final Problems problems;
    private final Set<String> unresolved = new LinkedHashSet<>();

    References(Map<String, String> env, UnsetVariables unset, Problems problems) {
        this.env = env;
        this.unset = unset;
        this.problems = problems;
    }

    /** Resolves in place (unknown top-level keys are left alone); returns the names left unresolved. */
    List<String> resolve(Map<String, Object> root) {
        root.replaceAll((key, value) -> RunbookValidator.TOP_LEVEL_KEYS.contains(key) ? resolveValue(value, key) : value);
        return List.copyOf(unresolved);
    }

    private Object resolveValue(Object value, String path) {
        Map<String, Object> map = Values.map(value);
        if (map != null) {
            resolveMap(map, path);
            return map;
        }
        List<Object> list = Values.list(value);
        if (list != null) {
            for (int index = 0; index < list.size(); index++) {
                list.set(index, resolveValue(list.get(index), YamlTree.item(path, index)));
            }
            return list;
        }
        return value instanceof String text ? resolveText(text, path) : value;
    }

    private void resolveMap(Map<String, Object> map, String path) {
        map.replaceAll((key, value) -> resolveValue(value, YamlTree.child(path, key)));
    }

    private String resolveText(String text, String path) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                report(name, path);
                value = matcher.group();
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private void report(String name, String path) {
        unresolved.add(name);
        problems.markUnresolved(path);
        switch (unset) {
            case ERROR -> problems.error(path, "${" + name + "} is not set in the environment; set " + name
                    + " or remove the reference");
            case SANDBOX -> problems.warning(path, "${" + name + "} is not set; kept as written, calls using it are"
                    + " only shown (sandbox mode)");
            case NEEDED_AT_RUN_TIME -> problems.warning(path, "${" + name + "} is not set here; 3am will need " + name
                    + " at run time");
        }
    }
}
