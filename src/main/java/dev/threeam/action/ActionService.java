package dev.threeam.action;

import dev.threeam.common.Sentence;
import dev.threeam.common.ThreeAmException;
import dev.threeam.incident.ActionFacts;
import dev.threeam.incident.Deliveries;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.IncidentUpdate;
import dev.threeam.incident.LifecycleFacts;
import dev.threeam.incident.Outcome;
import dev.threeam.incident.Question;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import java.util.List;
import java.util.Optional;

/**
 * The buttons that change the world: page the owner, roll back, rerun the eval, approve resume, resolve. Each press
 * is authorized, recorded (the audit trail) and keyed so it happens at most once per incident — a double click, a
 * Slack retry or a second replica finds the row and is told it is already done or in flight. The call itself goes
 * through the outbox.
 */
public final class ActionService {

    private final IncidentService incidents;
    private final RunbookRegistry runbooks;
    private final Authorization authorization;

    public ActionService(IncidentService incidents, RunbookRegistry runbooks, Authorization authorization) {
        this.incidents = incidents;
        this.runbooks = runbooks;
        this.authorization = authorization;
    }

    public Outcome resolve(String incidentId, String user) {
        return incidents.resolve(incidentId, user, incidents.find(incidentId).map(this::reviewers).orElse(Sentence.of("a reviewer")));
    }

    public Outcome approveResume(String incidentId, String user) {
        Optional<Incident> incident = incidents.find(incidentId);
        if (incident.isEmpty()) {
            return Outcome.notFound(incidentId);
        }
        if (!permitted(user, reviewerIds(incident.get()))) {
            incidents.record(incidentId, user, new LifecycleFacts.ApproveRefused(user));
            return Outcome.refused(Sentence.of("Only ").then(reviewers(incident.get())).then(" may approve resuming " + incidentId + "."));
        }
        return incidents.approveResume(incidentId, user);
    }

    /** Pages the role that owns the incident's current failure type. */
    public Outcome pageOwner(String incidentId, String user) {
        return incidents.update(incidentId, update -> {
            Incident incident = update.incident();
            Optional<String> role = runbook(incident).flatMap(book -> book.owningRole(incident.type()));
            if (role.isEmpty()) {
                return Outcome.refused("No runbook names an owner for " + incidentId + " (" + incident.type().id()
                        + "), so there is nobody to page.");
            }
            String key = "page_request:" + incidentId + ":" + role.get();
            if (!claim(update, key, ActionKind.PAGE, role.get(), user, "paging " + role.get(), null)) {
                return Outcome.already(already(update, key));
            }
            update.record(user, new ActionFacts.OwnerPaged(user, role.get()));
            update.deliver(new Deliveries.Page(Deliveries.Page.Event.TRIGGER, List.of(role.get()), user, key));
            return Outcome.done("Paging " + role.get() + ".");
        });
    }

    public Outcome rollback(String incidentId, String rollbackId, String user) {
        Optional<Incident> found = incidents.find(incidentId);
        if (found.isEmpty()) {
            return Outcome.notFound(incidentId);
        }
        Incident incident = found.get();
        Optional<Runbook.Rollback> rollback = runbook(incident).flatMap(book -> book.rollback(rollbackId));
        if (rollback.isEmpty()) {
            return Outcome.refused("The runbook of " + incidentId + " has no rollback \"" + rollbackId + "\" any more.");
        }
        List<String> allowed = allowedFor(incident, rollback.get());
        boolean permitted = permitted(user, allowed);
        if (!permitted && !incident.drill()) {
            incidents.record(incidentId, user, new ActionFacts.RollbackRefused(user, rollbackId));
            return Outcome.refused(Sentence.of("You may not press \"").quote(rollback.get().label()).then("\": ")
                    .then(authorization.whoMay(allowed)).then("."));
        }
        return incidents.update(incidentId, update -> {
            String key = "rollback:" + incidentId + ":" + rollbackId;
            if (!claim(update, key, ActionKind.ROLLBACK, rollbackId, user, rollback.get().label(), permitted)) {
                return Outcome.already(already(update, key));
            }
            update.record(user, new ActionFacts.RollbackPressed(user, rollback.get().label(), incident.drill(), permitted));
            IncidentService.recordAnswer(update, Question.Q3, rollbackId, rollback.get().label(), user);
            update.deliver(new ActionRequests.Rollback(key, permitted));
            return Outcome.done(incident.drill()
                    ? Sentence.of("Would roll back (a drill: nothing is called): ").quote(rollback.get().label())
                    : Sentence.of("Rolling back: ").quote(rollback.get().label()));
        });
    }

    /** The value of a Retry button under a failed page: {@code page:<role>:<via>}. */
    public static String pageRetryValue(String role, ActionFacts.Via via) {
        return PAGE_RETRY + role + ":" + via.id();
    }

    private static final String PAGE_RETRY = "page:";

    /**
     * A failed rollback may be tried again by someone allowed to press it; a failed page ({@link #pageRetryValue}) by
     * anyone in the thread, as "Page owner" may be pressed. Either happens at most once at a time.
     */
    public Outcome retry(String incidentId, String rollbackId, String user) {
        if (rollbackId.startsWith(PAGE_RETRY)) {
            return retryPage(incidentId, rollbackId.substring(PAGE_RETRY.length()), user);
        }
        Optional<Incident> found = incidents.find(incidentId);
        Optional<Runbook.Rollback> rollback = found.flatMap(this::runbook).flatMap(book -> book.rollback(rollbackId));
        if (found.isEmpty() || rollback.isEmpty()) {
            return Outcome.refused("Nothing to retry for " + rollbackId + " on " + incidentId + ".");
        }
        List<String> allowed = allowedFor(found.get(), rollback.get());
        if (!permitted(user, allowed)) {
            return Outcome.refused(Sentence.of("You may not retry \"").quote(rollback.get().label()).then("\": ")
                    .then(authorization.whoMay(allowed)).then("."));
        }
        return incidents.update(incidentId, update -> {
            String key = "rollback:" + incidentId + ":" + rollbackId;
            if (update.attach(ActionStore.class).retry(key, user) == 0) {
                return Outcome.already(already(update, key));
            }
            update.record(user, new ActionFacts.RollbackRetried(user, rollbackId));
            update.deliver(new ActionRequests.Rollback(key, true));
            return Outcome.done(Sentence.of("Retrying ").quote(rollback.get().label()));
        });
    }

    private Outcome retryPage(String incidentId, String roleAndVia, String user) {
        int colon = roleAndVia.lastIndexOf(':');
        Optional<ActionFacts.Via> via = colon < 0 ? Optional.empty() : java.util.Arrays.stream(ActionFacts.Via.values())
                .filter(candidate -> candidate.id().equals(roleAndVia.substring(colon + 1))).findFirst();
        if (via.isEmpty()) {
            return Outcome.refused("Nothing to retry for " + roleAndVia + " on " + incidentId + ".");
        }
        String role = roleAndVia.substring(0, colon);
        return incidents.update(incidentId, update -> {
            String key = "page:" + incidentId + ":" + role + ":" + via.get().id();
            if (update.attach(ActionStore.class).retry(key, user) == 0) {
                return Outcome.already(already(update, key));
            }
            update.record(user, new ActionFacts.PageRetried(user, role, via.get()));
            update.deliver(new Deliveries.Page(Deliveries.Page.Event.TRIGGER, List.of(role), user, null));
            return Outcome.done(Sentence.of("Paging ").quote(role).then(" via " + via.get().id() + " again."));
        });
    }

    public Outcome rerunEval(String incidentId, String user) {
        return incidents.update(incidentId, update -> {
            Incident incident = update.incident();
            if (runbook(incident).map(Runbook::eval).isEmpty()) {
                return Outcome.refused("The runbook of " + incidentId + " names no eval to rerun.");
            }
            String key = "eval:" + incidentId + ":" + update.now().toEpochMilli() / 60_000; // at most one run a minute
            if (!claim(update, key, ActionKind.EVAL, incident.workflow(), user, "eval requested", null)) {
                return Outcome.already(already(update, key));
            }
            update.record(user, new ActionFacts.EvalRequested(user));
            update.deliver(new ActionRequests.Eval(key));
            return Outcome.done("Eval requested.");
        });
    }

    /** Who may press a rollback: its {@code allowed}, else the members of the owning role. */
    List<String> allowedFor(Incident incident, Runbook.Rollback rollback) {
        if (!rollback.allowed().isEmpty()) {
            return rollback.allowed();
        }
        return runbook(incident).flatMap(book -> book.owningRole(incident.type()).flatMap(book::owner))
                .map(Runbook.Owner::slack).orElse(List.of());
    }

    private boolean permitted(String user, List<String> allowed) {
        try {
            return authorization.allowed(user, allowed);
        } catch (ThreeAmException e) {
            return false;
        }
    }

    private static boolean claim(IncidentUpdate update, String key, ActionKind kind, String target, String user, String detail,
            Boolean allowed) {
        return update.attach(ActionStore.class).claim(update.incident().id(), key, kind, target, user, update.now(), detail, allowed) == 1;
    }

    /** What a second press is told: the action, where it stands, who pressed it. */
    private static Sentence already(IncidentUpdate update, String key) {
        return update.attach(ActionStore.class).find(key).map(action -> Sentence.of("\"").quote(action.detail()).then("\" " + switch (action.status()) {
            case IN_FLIGHT -> "is already in flight";
            case DONE -> "is already done";
            case FAILED -> "failed; press Retry to try again";
            case WOULD_HAVE -> update.incident().drill() ? "was already played in this drill" : "was already played (nothing was called for real)";
        } + " (pressed by ").person(action.byUser()).then(").")).orElse(Sentence.of("That is already being handled."));
    }

    private List<String> reviewerIds(Incident incident) {
        return runbook(incident).flatMap(book -> book.owner("reviewer")).map(Runbook.Owner::slack).orElse(List.of());
    }

    private Sentence reviewers(Incident incident) {
        Sentence people = authorization.people(reviewerIds(incident));
        return people.parts().isEmpty() ? Sentence.of("a reviewer (the runbook names no ").code("reviewer").then(" owner)") : people;
    }

    private Optional<Runbook> runbook(Incident incident) {
        return Optional.ofNullable(incident.workflow()).flatMap(runbooks::find);
    }
}
