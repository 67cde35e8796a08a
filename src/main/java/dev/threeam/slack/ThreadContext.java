package dev.threeam.slack;

import dev.threeam.action.ActionRecord;
import dev.threeam.change.RankedChange;
import dev.threeam.incident.Answer;
import dev.threeam.incident.Incident;
import dev.threeam.incident.Question;
import dev.threeam.runbook.Runbook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a message of an incident's thread shows, read at the moment it is sent.
 *
 * @param text how the thread's messages name people: mentions in a real incident, plain names in a drill
 */
public record ThreadContext(
        Incident incident,
        Optional<Runbook> runbook,
        Map<Question, Answer> answers,
        List<RankedChange> changes,
        List<ActionRecord> actions,
        Instant now,
        SlackText text) {

    public Optional<Answer> answer(Question question) {
        return Optional.ofNullable(answers.get(question));
    }

    public String ownerRole() {
        return runbook.flatMap(book -> book.owningRole(incident.type())).orElse("engineering");
    }

    public String drillMark() {
        return incident.drill() ? "DRILL · " : "";
    }
}
