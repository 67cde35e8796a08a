package dev.threeam.signal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A runbook threshold: what a healthy value satisfies ({@code ">= 0.85"}, {@code "< 0.05"}). A breach is a value
 * that does not.
 */
public record Comparison(String operator, double limit) {

    private static final Pattern FORM = Pattern.compile("\\s*(>=|<=|>|<|==)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

    /** Parses a threshold the runbook validator accepted. */
    public static Comparison parse(String text) {
        Matcher matcher = FORM.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a threshold: \"" + text + "\"");
        }
        return new Comparison(matcher.group(1), Double.parseDouble(matcher.group(2)));
    }

    /** A budget or a target: healthy while at most {@code limit}. */
    public static Comparison atMost(double limit) {
        return new Comparison("<=", limit);
    }

    public boolean healthy(double value) {
        return switch (operator) {
            case ">=" -> value >= limit;
            case "<=" -> value <= limit;
            case ">" -> value > limit;
            case "<" -> value < limit;
            default -> value == limit;
        };
    }

    /** True when a breach is a value too low (quality scores), false when too high (cost, latency, errors). */
    public boolean breachIsLow() {
        return operator.startsWith(">");
    }

    @Override
    public String toString() {
        return operator + " " + Numbers.plain(limit);
    }
}
