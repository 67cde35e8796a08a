package dev.threeam.classify;

import dev.threeam.alert.Alert;
import java.util.regex.Pattern;

/**
 * The runbook {@code classify:} rule that would have classified an alert the way the team corrected it: on its
 * {@code alertname} when it has one (the most stable name an alert carries), else on its title. A proposal only:
 * 3am never writes a runbook, runbooks stay in git.
 *
 * @param key     the label the rule matches ({@code alertname}), or {@code text} for the title and annotations
 * @param pattern the regular expression, anchored and escaped so that it matches this alert's value exactly
 */
public record RuleProposal(FailureType failureType, String key, String pattern) {

    private static final int MAX_TITLE = 80;

    public static RuleProposal of(Alert alert, FailureType failureType) {
        String alertname = alert.labels().get("alertname");
        if (alertname != null && !alertname.isBlank()) {
            return new RuleProposal(failureType, "alertname", "^" + literal(alertname.strip()) + "$");
        }
        String title = alert.title().strip();
        String start = title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
        return new RuleProposal(failureType, "text", "(?i)" + literal(start));
    }

    /** The rule as one line of the runbook's front matter, ready to paste under {@code classify:}. */
    public String yaml() {
        return "  - {failure_type: " + failureType.id() + ", match: {" + key + ": \"" + pattern.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}}";
    }

    /** The rule compiles and matches the alert it was made from. */
    public boolean matches(Alert alert) {
        String value = key.equals("text") ? alert.text() : alert.labels().get(key);
        return value != null && Pattern.compile(pattern).matcher(value).find();
    }

    /** {@code text} with every regular-expression character escaped one by one (readable, unlike \Q…\E). */
    private static String literal(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\.[]{}()<>*+-=!?^$|".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
