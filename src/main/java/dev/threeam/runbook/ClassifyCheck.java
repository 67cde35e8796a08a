package dev.threeam.runbook;

import dev.threeam.classify.FailureType;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks {@code classify:} rules: a failure type and a mapping of label (or {@code text}) to a regex that compiles. */
final class ClassifyCheck {

    private ClassifyCheck() {}

    static void check(Object value, Problems problems) {
        List<Object> rules = problems.list(value, "classify");
        if (rules == null) {
            return;
        }
        for (int index = 0; index < rules.size(); index++) {
            String path = YamlTree.item("classify", index);
            Map<String, Object> rule = problems.map(rules.get(index), path);
            if (rule != null) {
                checkRule(rule, path, problems);
            }
        }
    }

    private static void checkRule(Map<String, Object> rule, String path, Problems problems) {
        rule.keySet().stream().filter(key -> !key.equals("failure_type") && !key.equals("match")).forEach(key ->
                problems.warning(path + "." + key, "unknown key, ignored (a rule takes failure_type and match)"));
        String type = problems.text(rule.get("failure_type"), path + ".failure_type", true);
        if (type != null && FailureType.fromId(type).isEmpty()) {
            problems.error(path + ".failure_type", "\"" + type + "\" is not a failure type; use one of "
                    + FailureType.allIds());
        }
        Map<String, Object> match = problems.map(rule.get("match"), path + ".match");
        if (match == null || match.isEmpty()) {
            if (rule.get("match") == null || match != null) {
                problems.error(path + ".match", "required: label name (or text) to a regular expression, e.g."
                        + " {alertname: \"(?i)kb_?sync\"}");
            }
            return;
        }
        match.forEach((label, regex) -> {
            String regexPath = path + ".match." + label;
            String text = problems.text(regex, regexPath, true);
            if (text != null) {
                compile(text, regexPath, problems);
            }
        });
    }

    private static void compile(String regex, String path, Problems problems) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            problems.error(path, "not a valid regular expression: " + e.getDescription() + " near index "
                    + e.getIndex() + " of \"" + regex + "\"");
        }
    }
}
