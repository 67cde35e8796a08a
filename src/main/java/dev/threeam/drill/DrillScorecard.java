package dev.threeam.drill;

import dev.threeam.common.Sentence;
import dev.threeam.action.ActionRecord;
import dev.threeam.classify.FailureType;
import dev.threeam.incident.Answer;
import dev.threeam.incident.Incident;
import dev.threeam.incident.Question;
import dev.threeam.action.ActionKind;
import dev.threeam.runbook.Runbook;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the team did in a drill: time to acknowledge, to answer each question, to reach the right owner, to press
 * the right rollback (one whose {@code for} lists the drill's failure type); whether Q1 named the real type; whether
 * the rollback presser was allowed; and whether all of it passes the thresholds.
 */
public record DrillScorecard(
        String incidentId,
        String workflow,
        FailureType realType,
        Duration acknowledged,
        Map<String, Duration> answered,
        Duration ownerReached,
        String ownerRole,
        Duration rightRollback,
        String rollbackPressed,
        Boolean presserAllowed,
        boolean q1Matched,
        boolean passed,
        List<String> misses) {

    public static DrillScorecard score(Incident incident, List<Answer> answers, List<ActionRecord> actions, Optional<Runbook> runbook,
            DrillThresholds thresholds) {
        Instant start = incident.openedAt();
        FailureType real = incident.realType();
        Duration ack = since(start, incident.acknowledgedAt());
        Map<String, Duration> answered = new LinkedHashMap<>();
        for (Question question : Question.values()) {
            answered.put(question.id(), answers.stream().filter(a -> a.question() == question).findFirst().map(a -> since(start, a.at())).orElse(null));
        }
        String owner = runbook.flatMap(book -> book.owningRole(real)).orElse(null);
        Duration ownerReached = owner == null ? null : actions.stream()
                .filter(a -> a.kind() == ActionKind.PAGE && (a.target().equals(owner) || a.target().startsWith(owner + " (")))
                .map(a -> since(start, a.at())).min(Duration::compareTo).orElse(null);
        List<String> right = runbook.map(book -> book.rollbacks().stream().filter(r -> r.forTypes().contains(real)).map(Runbook.Rollback::id).toList())
                .orElse(List.of());
        Optional<ActionRecord> rollback = actions.stream().filter(a -> a.kind() == ActionKind.ROLLBACK && right.contains(a.target())).findFirst();
        boolean q1 = answers.stream().anyMatch(a -> a.question() == Question.Q1 && a.value().equals(real.id()));

        List<String> misses = new java.util.ArrayList<>();
        if (ack == null || ack.compareTo(thresholds.ackWithin()) > 0) {
            misses.add("acknowledged " + (ack == null ? "never" : "after " + words(ack)) + " (within " + words(thresholds.ackWithin()) + " passes)");
        }
        answered.forEach((question, after) -> {
            if (after == null || after.compareTo(thresholds.passWithin()) > 0) {
                misses.add(question.toUpperCase() + " " + (after == null ? "unanswered" : "answered after " + words(after)));
            }
        });
        if (right.isEmpty()) {
            misses.add("the runbook has no rollback whose `for` lists " + real.id());
        } else if (rollback.isEmpty()) {
            misses.add("the right rollback (" + String.join(" or ", right) + ") was not pressed");
        } else if (!Boolean.TRUE.equals(rollback.get().allowed())) {
            misses.add("the rollback was pressed by someone not allowed to");
        } else if (since(start, rollback.get().at()).compareTo(thresholds.passWithin()) > 0) {
            misses.add("the right rollback came after " + words(since(start, rollback.get().at())));
        }
        return new DrillScorecard(incident.id(), incident.workflow(), real, ack, answered, ownerReached, owner,
                rollback.map(a -> since(start, a.at())).orElse(null), rollback.map(ActionRecord::target).orElse(null),
                rollback.map(ActionRecord::allowed).orElse(null), q1, misses.isEmpty(), List.copyOf(misses));
    }

    /** The scorecard as the thread shows it. */
    public Sentence render() {
        Sentence card = Sentence.empty().strong("DRILL scorecard — " + incidentId + " (").quote(workflow).strong(", " + realType.id()
                + "): " + (passed ? "PASSED" : "NOT PASSED")).then("\n").tone(Sentence.Tone.SCORECARD);
        card = card.then("• Acknowledged: " + words(acknowledged) + "\n");
        for (Map.Entry<String, Duration> entry : answered.entrySet()) {
            card = card.then("• " + entry.getKey().toUpperCase() + " answered: " + words(entry.getValue()) + "\n");
        }
        card = card.then("• Right owner (").quote(ownerRole == null ? "none in the runbook" : ownerRole).then(") reached: "
                + words(ownerReached) + "\n");
        card = rollbackPressed == null ? card.then("• Right rollback: not pressed\n")
                : card.then("• Right rollback: ").quote(rollbackPressed).then(" after " + words(rightRollback)
                        + (Boolean.TRUE.equals(presserAllowed) ? " by an allowed person" : " by someone NOT allowed") + "\n");
        card = card.then("• Q1 named the real failure type: " + (q1Matched ? "yes" : "no") + "\n");
        return misses.isEmpty() ? card : card.then("Missed: ").quote(String.join("; ", misses));
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
