package dev.threeam.incident;

import dev.threeam.common.Mrkdwn;
import dev.threeam.classify.FailureType;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Records the answers to the five questions: who pressed what, when. Q1 re-classifies the incident (new owner,
 * the new runbook section posted), Q2 marks the suspected change, Q4 "Yes" closes the resume gate.
 */
public final class Triage {

    private final Jdbi jdbi;
    private final Clock clock;
    private final IncidentSettings settings;
    private final java.util.function.Function<Long, Optional<String>> changeLabel;

    /** {@code changeLabel} gives a change's full "kind: summary" (a button label may have been cut to fit). */
    public Triage(Jdbi jdbi, Clock clock, IncidentSettings settings, java.util.function.Function<Long, Optional<String>> changeLabel) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
        this.changeLabel = changeLabel;
    }

    /**
     * @param question {@code q1} … {@code q5}
     * @param value    the button's value (a failure type, a change id or {@code none}, {@code yes}/{@code no}, a set)
     * @param label    the button's label as the presser saw it (for Q2: "kind: summary")
     */
    public Outcome answer(String incidentId, String question, String value, String pressedLabel, String user) {
        return jdbi.inTransaction(handle -> {
            Journal journal = new Journal(handle, clock.instant(), settings.cardUpdateInterval());
            IncidentStore store = journal.store();
            Optional<Incident> found = store.find(incidentId);
            if (found.isEmpty()) {
                return Outcome.notFound(incidentId);
            }
            Incident incident = found.get();
            String label = pressedLabel;
            Optional<Answer> previous = store.answers(incidentId).stream().filter(a -> a.question().equals(question)).findFirst();
            if (previous.isPresent() && previous.get().value().equals(value)) {
                return Outcome.already(question.toUpperCase() + " is already answered \"" + previous.get().label() + "\" by "
                        + Mrkdwn.user(previous.get().byUser()) + ".");
            }
            if (question.equals("q2") && parseChange(value) != null) {
                label = changeLabel.apply(parseChange(value)).orElse(label);
            }
            store.clearAnswer(incidentId, question);
            store.insertAnswer(new Answer(incidentId, question, value, label, user, journal.now()));
            String sentence = question.toUpperCase() + " answered by " + Mrkdwn.user(user) + ": " + Mrkdwn.escape(label, 300);
            switch (question) {
                case "q1" -> sentence += reclassify(journal, incident, value, user);
                case "q2" -> store.suspect(incidentId, value.equals("none") ? null : parseChange(value));
                case "q4" -> sentence += gate(journal, incident, value);
                default -> { }
            }
            journal.log(incidentId, user, sentence);
            journal.redraw(incidentId, question);
            journal.cardChanged(incident);
            return Outcome.done(sentence);
        });
    }

    private static String reclassify(Journal journal, Incident incident, String value, String user) {
        FailureType type = FailureType.fromId(value).orElse(FailureType.UNCLASSIFIED);
        if (type == incident.type()) {
            return " (confirms the classification)";
        }
        journal.store().classify(incident.id(), type.id(), "set by " + Mrkdwn.user(user) + " on Q1 (was "
                + incident.failureType() + ": " + incident.evidence() + ")", 1.0);
        journal.reply(incident.id(), "runbook", Map.of());
        return " — reclassified from " + incident.failureType() + " to " + type.id();
    }

    private static String gate(Journal journal, Incident incident, String value) {
        if (!value.equals("yes")) {
            return "";
        }
        if (!Incident.GATE_APPROVED.equals(incident.resumeGate())) {
            journal.store().gate(incident.id(), Incident.GATE_CLOSED);
        }
        journal.enqueue(incident.id(), dev.threeam.store.OutboxKind.PAGE, Map.of("event", "escalate"));
        return " — resume gate closed until a reviewer approves";
    }

    private static Long parseChange(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
