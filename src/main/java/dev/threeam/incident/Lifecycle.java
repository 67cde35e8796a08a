package dev.threeam.incident;

import dev.threeam.common.Sentence;
import java.time.Duration;
import java.util.List;

/**
 * Moves incidents through {@code triggered → acknowledged → mitigated → resolved}. Every transition is a fact on
 * the timeline and redraws the card; a closed resume gate refuses resolution until a reviewer approves; the pagers
 * already triggered follow the incident.
 */
final class Lifecycle {

    private Lifecycle() {}

    static Outcome acknowledge(IncidentUpdate update, String user) {
        Incident incident = update.incident();
        if (incident.status() != IncidentStatus.TRIGGERED) {
            Sentence already = Sentence.of(incident.id() + " is already " + incident.status().id());
            already = incident.acknowledgedBy() != null ? already.then(" (acknowledged by ").person(incident.acknowledgedBy()).then(").")
                    : already.then(".");
            return Outcome.already(already);
        }
        update.store().acknowledge(incident.id(), update.now(), user);
        update.record(user, new LifecycleFacts.Acknowledged(user));
        follow(update, Deliveries.Page.Event.ACKNOWLEDGE, user);
        return done(update, incident.id() + " acknowledged.");
    }

    static Outcome mitigate(IncidentUpdate update, String user) {
        Incident incident = update.incident();
        if (!incident.status().canMoveTo(IncidentStatus.MITIGATED)) {
            return Outcome.already(Sentence.of(incident.id() + " is already " + incident.status().id() + "."));
        }
        if (incident.acknowledgedAt() == null) {
            update.store().acknowledge(incident.id(), update.now(), user);
        }
        update.store().mitigate(incident.id(), update.now());
        update.record(user, new LifecycleFacts.Mitigated(user));
        return done(update, incident.id() + " marked mitigated.");
    }

    /** Resolves, unless the resume gate is closed; {@code reviewers} says who may open it (for the refusal). */
    static Outcome resolve(IncidentUpdate update, String user, Sentence reviewers) {
        Incident incident = update.incident();
        if (!incident.open()) {
            return Outcome.already(Sentence.of(incident.id() + " is already resolved."));
        }
        if (incident.gateClosed()) {
            update.record(user, new LifecycleFacts.ResolveRefused(user));
            return Outcome.refused(Sentence.of("Resolve is refused: a human reviewer must approve before service resumes. ")
                    .then(reviewers).then(" must press ").strong("Approve resume").then(" in the thread of " + incident.id() + "."));
        }
        update.store().resolve(incident.id(), update.now());
        update.record(user, new LifecycleFacts.Resolved(user, Duration.between(incident.openedAt(), update.now()).toSeconds()));
        follow(update, Deliveries.Page.Event.RESOLVE, user);
        drillEnded(update);
        return done(update, incident.id() + " resolved.");
    }

    /** A member of {@code owners.reviewer} opens the resume gate. The caller has checked who pressed. */
    static Outcome approveResume(IncidentUpdate update, String user) {
        Incident incident = update.incident();
        if (!incident.gateClosed()) {
            return Outcome.already(Sentence.of(incident.gate() == ResumeGate.NONE
                    ? "There is no resume gate on " + incident.id() + "."
                    : "Resume was already approved on " + incident.id() + "."));
        }
        update.store().gate(incident.id(), ResumeGate.APPROVED.id());
        update.announce(user, new LifecycleFacts.ResumeApproved(user));
        return done(update, "Resume approved on " + incident.id() + ".");
    }

    /** A drill past its time limit ends, gate or not, and gets its scorecard. */
    static Outcome endDrill(IncidentUpdate update, String reason) {
        Incident incident = update.incident();
        if (!incident.drill() || !incident.open()) {
            return Outcome.already(Sentence.of(incident.id() + " is not an open drill."));
        }
        update.store().resolve(incident.id(), update.now());
        update.record(TimelineEntry.BOT, new LifecycleFacts.DrillEnded(reason));
        drillEnded(update);
        return done(update, incident.id() + " ended.");
    }

    /** Every alert of the incident resolved at its source: resolve it, unless a reviewer must approve first. */
    static boolean allAlertsResolved(IncidentUpdate update) {
        Incident incident = update.incident();
        if (!incident.open()) {
            return false;
        }
        if (incident.gateClosed()) {
            update.record(TimelineEntry.BOT, new AlertFacts.AllAlertsResolved(true));
            return false;
        }
        update.store().resolve(incident.id(), update.now());
        update.record(TimelineEntry.BOT, new AlertFacts.AllAlertsResolved(false));
        follow(update, Deliveries.Page.Event.RESOLVE, TimelineEntry.BOT);
        return true;
    }

    private static Outcome done(IncidentUpdate update, String message) {
        update.redrawCard();
        return Outcome.done(message);
    }

    private static void drillEnded(IncidentUpdate update) {
        if (update.incident().drill()) {
            update.deliver(new Deliveries.ScoreDrill());
        }
    }

    /** PagerDuty and Opsgenie follow the incident: what was triggered is acknowledged and resolved. Never in a drill. */
    private static void follow(IncidentUpdate update, Deliveries.Page.Event event, String user) {
        if (!update.incident().drill()) {
            update.deliver(new Deliveries.Page(event, List.of(), user, null));
        }
    }
}
