package dev.threeam.classify;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A built-in rule: when {@code pattern} finds a match in a signal read from one of {@code where}, the alert
 * looks like {@code type}, with strength {@code weight} × the place's weight. Patterns read
 * {@link Words#normalize normalized} text (lower case, words separated by single spaces).
 *
 * @param name    short, shown in evidence ({@code recall}, {@code provider-errors})
 * @param context when set, the rule counts only if this also matches somewhere in the alert (e.g. an AI system
 *                or a model provider is named at all); null for none
 */
record SignalRule(String name, FailureType type, Set<Where> where, Pattern pattern, double weight, Pattern context) {

    static final Set<Where> EVERYWHERE = EnumSet.allOf(Where.class);

    static SignalRule of(String name, FailureType type, double weight, String regex) {
        return new SignalRule(name, type, EVERYWHERE, Pattern.compile(regex), weight, null);
    }

    static SignalRule onLabels(String name, FailureType type, double weight, String regex) {
        return new SignalRule(name, type, EnumSet.of(Where.LABEL), Pattern.compile(regex), weight, null);
    }

    /** The same rule, counting only when {@code regex} also matches the alert's whole normalized text. */
    SignalRule requiring(String regex) {
        return new SignalRule(name, type, where, pattern, weight, Pattern.compile(regex));
    }

    /** The match of this rule in the signal, or null. */
    Hit match(Signal signal, String alertContext) {
        if (!where.contains(signal.where())) {
            return null;
        }
        Matcher matcher = pattern.matcher(signal.normalized());
        if (!matcher.find()) {
            return null;
        }
        if (context != null && !context.matcher(alertContext).find()) {
            return null;
        }
        return new Hit(this, signal, matcher.group());
    }
}
