package dev.threeam.drill;

import dev.threeam.action.ActionKind;
import dev.threeam.action.ActionRecord;
import dev.threeam.classify.FailureType;
import dev.threeam.common.Sentence;
import dev.threeam.incident.Answer;
import dev.threeam.incident.Incident;
import dev.threeam.incident.Question;
import dev.threeam.runbook.RollbackFit;
import dev.threeam.runbook.Runbook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the team did in a drill: time to acknowledge, to answer each question, to reach the right owner, to press
 * the right rollback; whether Q1 named the real type; whether the rollback presser was allowed; and whether all of it
 * passes the thresholds. The right rollback is one that fits the drill's type by {@link RollbackFit}'s rule (the same
 * rule {@code check} reports); where none fits, the right answer to Q3 is "No rollback".
 *
 * @param fit             the rollbacks that fit the drill's type, and why
 * @param pressed         every rollback pressed, in order
 * @param rollback        what was pressed against what was expected, one sentence (the card's line, and the miss)
 * @param rightRollback   when the right answer to Q3 was given (the fitting rollback, or "No rollback"); null if never
 * @param rollbackPressed the fitting rollback pressed, if any
 * @param presserAllowed  whether its presser was allowed to; null when none was pressed
 * @param q1Matched       whether Q1 named the real type; null when Q1 was never answered
 */
public record DrillScorecard(
        String incidentId,
        String workflow,
        FailureType realType,
        Duration acknowledged,
        Map<String, Duration> answered,
        Duration ownerReached,
        String ownerRole,
        RollbackFit fit,
        List<String> pressed,
        String rollback,
        Duration rightRollback,
        String rollbackPressed,
        Boolean presserAllowed,
        Boolean q1Matched,
        boolean passed,
        List<String> misses) {

    public DrillScorecard {
        pressed = List.copyOf(pressed);
        misses = List.copyOf(misses);
    }

    public static DrillScorecard score(Incident incident, List<Answer> answers, List<ActionRecord> actions, Optional<Runbook> runbook,
            DrillThresholds thresholds) {
        Instant start = incident.openedAt();
        FailureType real = incident.realType();
        Duration ack = since(start, incident.acknowledgedAt());
        Map<String, Duration> answered = new LinkedHashMap<>();
        for (Question question : Question.values()) {
            answered.put(question.id(), answer(answers, question).map(a -> since(start, a.at())).orElse(null));
        }
        String owner = runbook.flatMap(book -> book.owningRole(real)).orElse(null);
        Duration ownerReached = owner == null ? null : actions.stream()
                .filter(a -> a.kind() == ActionKind.PAGE && (a.target().equals(owner) || a.target().startsWith(owner + " (")))
                .map(a -> since(start, a.at())).min(Duration::compareTo).orElse(null);
        RollbackFit fit = runbook.map(book -> RollbackFit.of(book, real)).orElse(RollbackFit.noRunbook(real));
        List<ActionRecord> rollbacks = actions.stream().filter(a -> a.kind() == ActionKind.ROLLBACK).toList();
        Optional<ActionRecord> right = rollbacks.stream().filter(a -> fit.fits(a.target())).findFirst();
        Optional<Answer> noRollback = answer(answers, Question.Q3).filter(a -> a.value().equals("none"));
        Duration rightAt = fit.none()
                ? rollbacks.isEmpty() ? noRollback.map(a -> since(start, a.at())).orElse(null) : null
                : right.map(a -> since(start, a.at())).orElse(null);
        Boolean q1 = answer(answers, Question.Q1).map(a -> a.value().equals(real.id())).orElse(null);

        List<String> misses = new ArrayList<>();
        if (ack == null || ack.compareTo(thresholds.ackWithin()) > 0) {
            misses.add("acknowledged " + (ack == null ? "never" : "after " + words(ack)) + " (within " + words(thresholds.ackWithin()) + " passes)");
        }
        answered.forEach((question, after) -> {
            if (after == null || after.compareTo(thresholds.passWithin()) > 0) {
                misses.add(question.toUpperCase() + " " + (after == null ? "unanswered" : "answered after " + words(after)));
            }
        });
        String rollbackSaid = rollbackSaid(fit, rollbacks, right, noRollback, start);
        if (rightAt == null) {
            misses.add(rollbackSaid);
        } else if (right.isPresent() && !Boolean.TRUE.equals(right.get().allowed())) {
            misses.add("the rollback was pressed by someone not allowed to");
        } else if (rightAt.compareTo(thresholds.passWithin()) > 0) {
            misses.add("the right answer to Q3 came after " + words(rightAt));
        }
        return new DrillScorecard(incident.id(), incident.workflow(), real, ack, answered, ownerReached, owner, fit,
                rollbacks.stream().map(ActionRecord::target).toList(), rollbackSaid, rightAt, right.map(ActionRecord::target).orElse(null),
                right.map(ActionRecord::allowed).orElse(null), q1, misses.isEmpty(), misses);
    }

    /**
     * What was pressed against what was expected, in one sentence: {@code pressed 3 rollbacks (a, b, c), none fits
     * retrieval_failure; expected: kb-index-previous (its for: lists retrieval_failure)}.
     */
    private static String rollbackSaid(RollbackFit fit, List<ActionRecord> rollbacks, Optional<ActionRecord> right,
            Optional<Answer> noRollback, Instant start) {
        String type = fit.type().id();
        String pressed;
        if (right.isPresent()) {
            pressed = "pressed " + right.get().target() + " after " + words(since(start, right.get().at()))
                    + (Boolean.TRUE.equals(right.get().allowed()) ? " by an allowed person" : " by someone NOT allowed")
                    + (rollbacks.size() > 1 ? " (" + rollbacks.size() + " rollbacks pressed in all)" : "");
        } else if (rollbacks.size() == 1) {
            pressed = "pressed " + rollbacks.get(0).target() + ", which does not fit " + type;
        } else if (!rollbacks.isEmpty()) {
            pressed = "pressed " + rollbacks.size() + " rollbacks (" + String.join(", ", rollbacks.stream()
                    .map(ActionRecord::target).toList()) + "), none fits " + type;
        } else if (noRollback.isPresent()) {
            pressed = "answered No rollback after " + words(since(start, noRollback.get().at()));
        } else {
            pressed = "no rollback pressed";
        }
        return pressed + "; expected: " + fit.expected();
    }

    /** The scorecard as the thread shows it (the thread's DRILL marker stands in front). */
    public Sentence render() {
        Sentence card = Sentence.empty().strong("Scorecard — " + incidentId + " (").quote(workflow).strong(", " + realType.id()
                + "): " + (passed ? "PASSED" : "NOT PASSED")).then("\n").tone(Sentence.Tone.SCORECARD);
        card = card.then("• Acknowledged: " + words(acknowledged) + "\n");
        for (Map.Entry<String, Duration> entry : answered.entrySet()) {
            card = card.then("• " + entry.getKey().toUpperCase() + " answered: " + words(entry.getValue()) + "\n");
        }
        card = card.then("• Right owner (").quote(ownerRole == null ? "none in the runbook" : ownerRole).then(") reached: "
                + words(ownerReached) + "\n");
        card = card.then("• Rollback: ").quote(rollback).then("\n");
        card = card.then("• Q1 named the real failure type: " + (q1Matched == null ? "not answered" : q1Matched ? "yes" : "no") + "\n");
        return misses.isEmpty() ? card : card.then("Missed: ").quote(String.join("; ", misses));
    }

    private static Optional<Answer> answer(List<Answer> answers, Question question) {
        return answers.stream().filter(a -> a.question() == question).findFirst();
    }

    private static Duration since(Instant start, Instant at) {
        return at == null ? null : Duration.between(start, at);
    }

    static String words(Duration duration) {
        if (duration == null) {
            return "never";
        }
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : (seconds / 60) + " min " + (seconds % 60) + " s";
    }
}
