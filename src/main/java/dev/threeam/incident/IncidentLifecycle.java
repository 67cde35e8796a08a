package dev.threeam.incident;

import dev.threeam.common.Mrkdwn;
import dev.threeam.store.OutboxKind;
import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Moves incidents through {@code triggered → acknowledged → mitigated → resolved}. Every transition is in the
 * timeline and redraws the card; a closed resume gate refuses resolution until a reviewer approves.
 */
public final class IncidentLifecycle {

    private final Jdbi jdbi;
    private final Clock clock;
    private final IncidentSettings settings;

    public IncidentLifecycle(Jdbi jdbi, Clock clock, IncidentSettings settings) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
    }

    public Outcome acknowledge(String incidentId, String user) {
        return change(incidentId, (journal, incident) -> {
            if (incident.state() != IncidentStatus.TRIGGERED) {
                return Outcome.already(incident.id() + " is already " + incident.status()
                        + (incident.acknowledgedBy() != null ? " (acknowledged by " + Mrkdwn.user(incident.acknowledgedBy()) + ")" : "") + ".");
            }
            journal.store().acknowledge(incident.id(), IncidentStatus.ACKNOWLEDGED.id(), journal.now(), user);
            journal.log(incident.id(), user, "Acknowledged by " + Mrkdwn.user(user));
            pagerEvent(journal, incident, "acknowledge", user);
            return Outcome.done(incident.id() + " acknowledged.");
        });
    }

    public Outcome mitigate(String incidentId, String user) {
        return change(incidentId, (journal, incident) -> {
            if (!incident.state().canMoveTo(IncidentStatus.MITIGATED)) {
                return Outcome.already(incident.id() + " is already " + incident.status() + ".");
            }
            if (incident.acknowledgedAt() == null) {
                journal.store().acknowledge(incident.id(), IncidentStatus.ACKNOWLEDGED.id(), journal.now(), user);
            }
            journal.store().mitigate(incident.id(), journal.now());
            journal.log(incident.id(), user, "Marked mitigated by " + Mrkdwn.user(user));
            return Outcome.done(incident.id() + " marked mitigated.");
        });
    }

    /**
     * Resolves, unless the resume gate is closed; {@code reviewers} says who may open it (for the refusal).
     */
    public Outcome resolve(String incidentId, String user, String reviewers) {
        return change(incidentId, (journal, incident) -> {
            if (!incident.open()) {
                return Outcome.already(incident.id() + " is already resolved.");
            }
            if (incident.gateClosed()) {
                journal.log(incident.id(), user, "Resolve by " + Mrkdwn.user(user) + " refused: the resume gate is closed");
                return Outcome.refused("Resolve is refused: a human reviewer must approve before service resumes. "
                        + reviewers + " must press *Approve resume* in the thread of " + incident.id() + ".");
            }
            journal.store().resolve(incident.id(), journal.now());
            journal.log(incident.id(), user, "Resolved by " + Mrkdwn.user(user) + " after "
                    + AlertIngestor.minutes(incident.age(journal.now())));
            pagerEvent(journal, incident, "resolve", user);
            drillEnded(journal, incident);
            return Outcome.done(incident.id() + " resolved.");
        });
    }

    /** A member of {@code owners.reviewer} opens the resume gate. The caller has checked who pressed. */
    public Outcome approveResume(String incidentId, String user) {
        return change(incidentId, (journal, incident) -> {
            if (!incident.gateClosed()) {
                return Outcome.already(incident.resumeGate() == null
                        ? "There is no resume gate on " + incident.id() + "."
                        : "Resume was already approved on " + incident.id() + ".");
            }
            journal.store().gate(incident.id(), Incident.GATE_APPROVED);
            journal.log(incident.id(), user, "Resume approved by " + Mrkdwn.user(user));
            journal.notice(incident.id(), ":white_check_mark: Resume approved by " + Mrkdwn.user(user) + ". The incident may be resolved.");
            return Outcome.done("Resume approved on " + incident.id() + ".");
        });
    }

    /** A drill past its time limit ends, gate or not, and gets its scorecard. */
    public Outcome endDrill(String incidentId, String reason) {
        return change(incidentId, (journal, incident) -> {
            if (!incident.drill() || !incident.open()) {
                return Outcome.already(incident.id() + " is not an open drill.");
            }
            journal.store().resolve(incident.id(), journal.now());
            journal.log(incident.id(), TimelineEntry.BOT, "DRILL ended: " + reason);
            drillEnded(journal, incident);
            return Outcome.done(incident.id() + " ended.");
        });
    }

    private static void drillEnded(Journal journal, Incident incident) {
        if (incident.drill()) {
            journal.enqueue(incident.id(), OutboxKind.DRILL_SCORE, Map.of());
        }
    }

    /** A press that changed nothing ("already …") is still on the record: who pressed and what they were told. */
    public void noteUnchanged(String incidentId, String user, String text) {
        jdbi.useExtension(IncidentStore.class, store -> store.addTimeline(incidentId, clock.instant(), user, text));
    }

    /** Every alert of the incident resolved at its source: resolve it, unless a reviewer must approve first. */
    static void allAlertsResolved(Journal journal, Incident incident) {
        if (!incident.open()) {
            return;
        }
        if (incident.gateClosed()) {
            journal.log(incident.id(), TimelineEntry.BOT, "Every alert resolved at its source; resolution waits for the reviewer's approval");
            return;
        }
        journal.store().resolve(incident.id(), journal.now());
        journal.log(incident.id(), TimelineEntry.BOT, "Every alert resolved at its source: incident resolved");
        pagerEvent(journal, incident, "resolve", TimelineEntry.BOT);
    }

    private static void pagerEvent(Journal journal, Incident incident, String event, String user) {
        if (!incident.drill()) {
            journal.enqueue(incident.id(), OutboxKind.PAGE, Map.of("event", event, "by", user));
        }
    }

    private Outcome change(String incidentId, java.util.function.BiFunction<Journal, Incident, Outcome> change) {
        return jdbi.inTransaction(handle -> {
            Journal journal = new Journal(handle, clock.instant(), settings.cardUpdateInterval());
            return journal.store().find(incidentId)
                    .map(incident -> {
                        Outcome outcome = change.apply(journal, incident);
                        if (outcome.done()) {
                            journal.cardChanged(incident);
                        }
                        return outcome;
                    })
                    .orElseGet(() -> Outcome.notFound(incidentId));
        });
    }
}
