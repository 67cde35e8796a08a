package dev.threeam.incident;

import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reminds a quiet incident: an open one (not a drill) on which no person acted — no press, answer, acknowledgement or
 * command; alerts joining do not count — for {@code NUDGE_AFTER} gets one reply in its thread naming whoever
 * acknowledged it (else the owning role) and the questions still unanswered. One nudge per quiet period: the next
 * comes only after someone acts and it goes quiet again. A scheduled worker calls {@link #tick()}.
 */
public final class Nudges {

    private final IncidentService incidents;
    private final RunbookRegistry runbooks;
    private final Duration after;

    public Nudges(IncidentService incidents, RunbookRegistry runbooks, Duration after) {
        this.incidents = incidents;
        this.runbooks = runbooks;
        this.after = after;
    }

    /** Nudges every incident that is due; returns how many were nudged. */
    public int tick() {
        int nudged = 0;
        for (Incident incident : incidents.open()) {
            if (!incident.drill() && incidents.update(incident.id(), this::nudgeIfQuiet).done()) {
                nudged++;
            }
        }
        return nudged;
    }

    /** Done when it nudged; otherwise why not. */
    private Outcome nudgeIfQuiet(IncidentUpdate update) {
        Incident incident = update.incident();
        if (!incident.open() || incident.drill()) {
            return Outcome.already(dev.threeam.common.Sentence.of("not open"));
        }
        NudgeStore store = update.attach(NudgeStore.class);
        Instant quietSince = store.lastHumanAction(incident.id()).filter(at -> at.isAfter(incident.openedAt())).orElse(incident.openedAt());
        if (update.now().isBefore(quietSince.plus(after))) {
            return Outcome.already(dev.threeam.common.Sentence.of("not quiet long enough")); // read only: no lock taken
        }
        store.hold(incident.id()); // a due one: decided by one replica at a time, and looked at again under the hold
        if (store.lastNudge(incident.id()).filter(at -> !at.isBefore(quietSince)).isPresent()
                || store.lastHumanAction(incident.id()).filter(at -> at.isAfter(quietSince)).isPresent()) {
            return Outcome.already(dev.threeam.common.Sentence.of("already nudged in this quiet period"));
        }
        Optional<Runbook> runbook = Optional.ofNullable(incident.workflow()).flatMap(runbooks::find);
        String role = runbook.flatMap(book -> book.owningRole(incident.type())).orElse(null);
        List<String> who = incident.acknowledgedBy() != null ? List.of(incident.acknowledgedBy())
                : runbook.flatMap(book -> Optional.ofNullable(role).flatMap(book::owner)).map(Runbook.Owner::slack).orElse(List.of());
        Set<Question> answered = update.answers().answers(incident.id()).stream().map(Answer::question).collect(Collectors.toSet());
        List<Question> unanswered = Arrays.stream(Question.values()).filter(question -> !answered.contains(question)).toList();
        update.announce(TimelineEntry.BOT, new NudgeFacts.Nudged(who, role, incident.acknowledgedBy() != null, unanswered,
                Duration.between(quietSince, update.now()).toMinutes()));
        return Outcome.done("nudged");
    }
}
