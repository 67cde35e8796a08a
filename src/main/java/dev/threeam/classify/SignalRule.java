package dev.threeam.classify;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A built-in rule: when {@code pattern} finds a match in a signal read from one of {@code where}, the alert
 * looks like {@code type}, with strength {@code weight} × the place's weight × how much that part of the prose
 * counts. Patterns read {@link Words#normalize normalized} text (lower case, words separated by single spaces).
 *
 * @param name      short, shown in evidence ({@code recall}, {@code provider-errors})
 * @param component true when the words only name a part of an AI system ("retriever", "tool", "vector store")
 *                  rather than say it failed; such words do not outweigh an infrastructure alert about that part
 * @param context   when set, the rule counts only if this also matches somewhere in the alert (e.g. an AI system
 *                  or a model provider is named at all); null for none
 * @param unless    when set, the rule does not count if this matches somewhere in the alert; null for none
 */
record SignalRule(String name, FailureType type, Set<Where> where, Pattern pattern, double weight, Pattern context,
                  Pattern unless, boolean component) {

    static final Set<Where> EVERYWHERE = EnumSet.allOf(Where.class);

    static SignalRule of(String name, FailureType type, double weight, String regex) {
        return new SignalRule(name, type, EVERYWHERE, Pattern.compile(regex), weight, null, null, false);
    }

    static SignalRule onLabels(String name, FailureType type, double weight, String regex) {
        return new SignalRule(name, type, EnumSet.of(Where.LABEL), Pattern.compile(regex), weight, null, null, false);
    }

    /** The same rule, counting only when {@code regex} also matches the alert's whole normalized text. */
    SignalRule requiring(String regex) {
        return new SignalRule(name, type, where, pattern, weight, Pattern.compile(regex), unless, component);
    }

    /** The same rule, not counting when {@code regex} matches the alert's whole normalized text. */
    SignalRule unless(String regex) {
        return new SignalRule(name, type, where, pattern, weight, context, Pattern.compile(regex), component);
    }

    /** The same rule, read only in these places. */
    SignalRule onlyIn(Where first, Where... rest) {
        return new SignalRule(name, type, EnumSet.of(first, rest), pattern, weight, context, unless, component);
    }

    /** The same rule, marked as naming a part of the system rather than a failure. */
    SignalRule naming() {
        return new SignalRule(name, type, where, pattern, weight, context, unless, true);
    }

    /**
     * The strongest match of this rule in the signal, or null. A match only where the prose rules it out comes back
     * with factor 0: it scores nothing, but says the alert ruled this type out.
     */
    Hit match(Signal signal, String alertContext) {
        if (!where.contains(signal.where())) {
            return null;
        }
        Matcher matcher = pattern.matcher(signal.normalized());
        Hit best = null;
        boolean ruledOut = false;
        while (matcher.find()) {
            if (type == FailureType.COST_FAILURE && signal.quoted(matcher.start())) {
                continue; // money an answer speaks of ("$75 chargeback for the late delivery") is not the bill
            }
            double factor = signal.factor(matcher.start());
            ruledOut |= factor == 0;
            if (best == null || factor > best.factor()) {
                best = new Hit(this, signal, matcher.group(), factor, ruledOut);
            }
            if (signal.clauses() == null) {
                break;
            }
        }
        if (best != null && ruledOut && !best.ruledOut()) {
            best = new Hit(this, signal, best.matched(), best.factor(), true);
        }
        if (best != null && context != null && !context.matcher(alertContext).find()) {
            return null;
        }
        if (best != null && unless != null && unless.matcher(alertContext).find()) {
            return null;
        }
        return best;
    }
}
