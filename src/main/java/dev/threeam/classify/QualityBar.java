package dev.threeam.classify;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of a runbook's {@code quality_signals}: the metric and the bar it must clear, as the runbook writes it
 * ({@code verdict_agreement}, {@code ">= 0.8"}). An alert that gives the metric's value lets the on-call compare it with
 * the bar: "verdict_agreement 0.86 this shift" clears a bar of 0.8, "copy_approval_rate … is 0.52" does not.
 *
 * @param metric    the metric's name
 * @param threshold the bar ({@code ">= 0.8"}, {@code "<= 0.18"}), or null when the runbook gives none
 */
public record QualityBar(String metric, String threshold) {

    /** Words before a number that make it a bar or an earlier value rather than the metric's value now. */
    private static final Pattern COMPARED = Pattern.compile("\\b(?:below|under|above|over|threshold|limit|target|slo|than"
            + "|was|from|vs|goal|min|max|floor)\\b|[<>]");
    /** A number and what stands right after it: a unit letter, a percent sign or nothing. */
    private static final Pattern NUMBER = Pattern.compile("(?<![a-z0-9_.-])(-?\\d+(?:\\.\\d+)?)(?![.-]\\d)(%|[a-z]*)");
    private static final int WINDOW = 50;
    private static final Pattern BAR = Pattern.compile("^\\s*(>=|<=|>|<|=)\\s*(-?\\d+(?:\\.\\d+)?)\\s*$");

    /** The metric with no bar. */
    public static QualityBar of(String metric) {
        return new QualityBar(metric, null);
    }

    /**
     * Whether the value the raw text gives right after the metric's name (within a few words: "copy_approval_rate for
     * promo-writer is 0.52") meets the bar; empty when the text gives no value or the bar cannot be read. A number
     * with a unit is not the value ("narrative_acceptance (24h window) is 0.66": 24h is the window); a percentage is
     * read as a share when the bar is one ("acceptance 66%" against {@code ">= 0.8"}).
     */
    Optional<Boolean> met(String raw) {
        if (threshold == null) {
            return Optional.empty();
        }
        Matcher bar = BAR.matcher(threshold);
        if (!bar.matches()) {
            return Optional.empty();
        }
        String text = raw.toLowerCase(Locale.ROOT);
        Matcher name = Words.identifier(metric).matcher(text);
        if (!name.find()) {
            return Optional.empty();
        }
        String after = text.substring(name.end());
        Matcher number = NUMBER.matcher(after);
        double limit = Double.parseDouble(bar.group(2));
        while (number.find() && number.start() <= WINDOW) {
            String between = after.substring(0, number.start());
            if (between.indexOf('\n') >= 0 || between.indexOf('|') >= 0 || COMPARED.matcher(between).find()) {
                return Optional.empty(); // "event_grounding below 0.9": the number is the bar, not the value
            }
            String unit = number.group(2);
            if (!unit.isEmpty() && !unit.equals("%")) {
                continue; // "24h", "15m": a window, not the metric's value
            }
            double got = Double.parseDouble(number.group(1));
            if (unit.equals("%") && limit < 1.0) {
                got /= 100.0;
            }
            return Optional.of(switch (bar.group(1)) {
                case ">=" -> got >= limit;
                case "<=" -> got <= limit;
                case ">" -> got > limit;
                case "<" -> got < limit;
                default -> got == limit;
            });
        }
        return Optional.empty();
    }
}
