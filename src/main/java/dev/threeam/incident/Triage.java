package dev.threeam.incident;

import dev.threeam.alert.Alert;
import dev.threeam.classify.FailureType;
import dev.threeam.classify.LabelledExample;
import dev.threeam.classify.RuleProposal;
import dev.threeam.common.Sentence;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Records the answers to the five questions: who pressed what, when. Q1 re-classifies the incident (new owner, the
 * new runbook section posted, Q3 and Q4 redrawn for the new type), Q2 marks the suspected change, Q4 "Yes" pages the type's roles and closes the resume
 * gate.
 */
final class Triage {

    private final Function<Long, Optional<String>> changeLabel;

    /** {@code changeLabel} gives a change's full "kind: summary" (a button label may have been cut to fit). */
    Triage(Function<Long, Optional<String>> changeLabel) {
        this.changeLabel = changeLabel;
    }

    Outcome answer(IncidentUpdate update, Question question, String value, String pressedLabel, String user) {
        Incident incident = update.incident();
        Optional<Answer> previous = update.answers().answers(incident.id()).stream().filter(a -> a.question() == question).findFirst();
        if (previous.isPresent() && previous.get().value().equals(value)) {
            return Outcome.already(Sentence.of(question.name() + " is already answered \"").quote(previous.get().label())
                    .then("\" by ").person(previous.get().byUser()).then("."));
        }
        String label = question == Question.Q2 && change(value) != null ? changeLabel.apply(change(value)).orElse(pressedLabel) : pressedLabel;
        store(update, question, value, label, user);
        TriageFacts.Answered answered = switch (question) {
            case Q1 -> reclassify(update, value, label, user);
            case Q2 -> {
                update.store().suspect(incident.id(), value.equals("none") ? null : change(value));
                yield plain(question, label, user);
            }
            case Q4 -> gate(update, value, label, user);
            default -> plain(question, label, user);
        };
        update.record(user, answered);
        update.redrawCard();
        return Outcome.done(answered.sentence());
    }

    /** Stores the answer and redraws its question; what else it means is the caller's (a rollback's, a gate's). */
    static void store(IncidentUpdate update, Question question, String value, String label, String user) {
        AnswerStore store = update.answers();
        store.clearAnswer(update.incident().id(), question.id());
        store.insertAnswer(update.incident().id(), question.id(), value, label, user, update.now());
        update.redraw(ThreadPart.of(question));
    }

    private static TriageFacts.Answered reclassify(IncidentUpdate update, String value, String label, String user) {
        Incident incident = update.incident();
        FailureType type = FailureType.fromId(value).orElse(FailureType.UNCLASSIFIED);
        if (type == incident.type()) {
            return new TriageFacts.Answered(Question.Q1, user, label, TriageFacts.Effect.CONFIRMS, null, null);
        }
        update.store().correct(incident.id(), type.id(), "was " + incident.type().id() + ": " + incident.classification().evidence(),
                1.0, user);
        update.post(ThreadPart.RUNBOOK);
        // Q3's fitting rollbacks and Q4's roles depend on the type
        update.redrawIfPosted(ThreadPart.Q3);
        update.redrawIfPosted(ThreadPart.Q4);
        learn(update, type, user);
        return new TriageFacts.Answered(Question.Q1, user, label, TriageFacts.Effect.RECLASSIFIED, incident.type().id(), type.id());
    }

    /**
     * A correction is kept as a labelled example (the incident's first alert, the type chosen, who, when), and the
     * thread is shown the runbook rule that would have classified it so.
     */
    private static void learn(IncidentUpdate update, FailureType type, String user) {
        Incident incident = update.incident();
        if (incident.drill()) {
            return; // a drill's alert is made up: nothing to learn from it
        }
        LabelledExampleStore examples = update.attach(LabelledExampleStore.class);
        Optional<String> first = examples.firstAlert(incident.id());
        if (first.isEmpty()) {
            return; // opened before first alerts were kept
        }
        LabelledExample example = new LabelledExample("stored", first.get(), type, incident.workflow(), user, update.now());
        Alert alert = example.alert();
        examples.add(incident.id(), alert.source(), first.get(), type.id(), incident.workflow(), user, update.now());
        if (incident.workflow() != null) {
            RuleProposal rule = RuleProposal.of(alert, type);
            update.announce(TimelineEntry.BOT, new TriageFacts.RuleProposed(incident.workflow(), type, rule.key(), rule.pattern(), rule.yaml()));
        }
    }

    private static TriageFacts.Answered gate(IncidentUpdate update, String value, String label, String user) {
        if (!value.equals("yes")) {
            return plain(Question.Q4, label, user);
        }
        Incident incident = update.incident();
        if (incident.gate() != ResumeGate.APPROVED) {
            update.store().gate(incident.id(), ResumeGate.CLOSED.id());
        }
        update.deliver(new Deliveries.Page(Deliveries.Page.Event.ESCALATE, List.of(), null, null));
        return new TriageFacts.Answered(Question.Q4, user, label, TriageFacts.Effect.GATE_CLOSED, null, null);
    }

    private static TriageFacts.Answered plain(Question question, String label, String user) {
        return new TriageFacts.Answered(question, user, label, TriageFacts.Effect.NONE, null, null);
    }

    private static Long change(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
