package dev.threeam.action;

import dev.threeam.common.Mrkdwn;
import dev.threeam.common.ThreeAmException;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentLifecycle;
import dev.threeam.incident.IncidentStore;
import dev.threeam.incident.Outcome;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The buttons that change the world: page the owner, roll back, rerun the eval, approve resume, resolve.
 * Each press is authorized, recorded (the audit trail) and keyed so it happens at most once per incident — a double
 * click, a Slack retry or a second replica finds the row and is told it is already done or in flight. The call
 * itself goes through the outbox.
 */
public final class ActionService {

    private final Jdbi jdbi;
    private final RunbookRegistry runbooks;
    private final Authorization authorization;
    private final IncidentLifecycle lifecycle;
    private final Clock clock;

    public ActionService(Jdbi jdbi, RunbookRegistry runbooks, Authorization authorization, IncidentLifecycle lifecycle, Clock clock) {
        this.jdbi = jdbi;
        this.runbooks = runbooks;
        this.authorization = authorization;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    public Outcome resolve(String incidentId, String user) {
        return lifecycle.resolve(incidentId, user, incident(incidentId).map(this::reviewers).orElse("a reviewer"));
    }

    public Outcome approveResume(String incidentId, String user) {
        Optional<Incident> incident = incident(incidentId);
        if (incident.isEmpty()) {
            return Outcome.notFound(incidentId);
        }
        List<String> reviewers = runbook(incident.get()).flatMap(book -> book.owner("reviewer")).map(Runbook.Owner::slack).orElse(List.of());
        if (!permitted(user, reviewers)) {
            log(incidentId, user, "Approve resume by " + Mrkdwn.user(user) + " refused: not a reviewer");
            return Outcome.refused("Only " + reviewers(incident.get()) + " may approve resuming " + incidentId + ".");
        }
        return lifecycle.approveResume(incidentId, user);
    }

    /** Pages the role that owns the incident's current failure type. */
    public Outcome pageOwner(String incidentId, String user) {
        Optional<Incident> incident = incident(incidentId);
        if (incident.isEmpty()) {
            return Outcome.notFound(incidentId);
        }
        Optional<String> role = runbook(incident.get()).flatMap(book -> book.owningRole(incident.get().type()));
        if (role.isEmpty()) {
            return Outcome.refused("No runbook names an owner for " + incidentId + " (" + incident.get().failureType() + "), so there is nobody to page.");
        }
        return jdbi.inTransaction(handle -> {
            String key = "page_request:" + incidentId + ":" + role.get();
            if (!ActionRows.insert(handle, incidentId, key, "page", role.get(), user, "in_flight", clock.instant(), "paging " + role.get())) {
                return Outcome.already(ActionRows.already(handle, key));
            }
            handle.attach(IncidentStore.class).addTimeline(incidentId, clock.instant(), user, Mrkdwn.user(user) + " paged the owner: " + role.get());
            Outbox.enqueue(handle, incidentId, OutboxKind.PAGE, Map.of("event", "trigger", "roles", List.of(role.get()), "by", user,
                    "request", key), clock.instant());
            return Outcome.done("Paging " + role.get() + ".");
        });
    }

    public Outcome rollback(String incidentId, String rollbackId, String user) {
        Optional<Incident> found = incident(incidentId);
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
            log(incidentId, user, "Rollback " + rollbackId + " by " + Mrkdwn.user(user) + " refused: not allowed");
            return Outcome.refused("You may not press \"" + rollback.get().label() + "\": " + authorization.whoMay(allowed) + ".");
        }
        return jdbi.inTransaction(handle -> {
            Instant now = clock.instant();
            String key = "rollback:" + incidentId + ":" + rollbackId;
            if (!ActionRows.insert(handle, incidentId, key, "rollback", rollbackId, user, "in_flight", now, rollback.get().label())) {
                return Outcome.already(ActionRows.already(handle, key));
            }
            handle.createUpdate("UPDATE actions SET allowed = :allowed WHERE action_key = :key")
                    .bind("allowed", permitted).bind("key", key).execute();
            IncidentStore store = handle.attach(IncidentStore.class);
            store.addTimeline(incidentId, now, user, "Rollback \"" + Mrkdwn.escape(rollback.get().label()) + "\" pressed by " + Mrkdwn.user(user)
                    + (incident.drill() ? (permitted ? " (drill; allowed)" : " (drill; would NOT have been allowed)") : ""));
            store.clearAnswer(incidentId, "q3");
            store.insertAnswer(new dev.threeam.incident.Answer(incidentId, "q3", rollbackId, rollback.get().label(), user, now));
            Outbox.enqueue(handle, incidentId, OutboxKind.ROLLBACK, Map.of("key", key, "allowed", permitted), now);
            Outbox.enqueue(handle, incidentId, OutboxKind.UPDATE_MESSAGE, Map.of("role", "q3"), now);
            return Outcome.done("Rolling back: " + rollback.get().label());
        });
    }

    /** A failed rollback may be tried again by someone allowed to press it. */
    public Outcome retry(String incidentId, String rollbackId, String user) {
        Optional<Incident> found = incident(incidentId);
        Optional<Runbook.Rollback> rollback = found.flatMap(this::runbook).flatMap(book -> book.rollback(rollbackId));
        if (found.isEmpty() || rollback.isEmpty()) {
            return Outcome.refused("Nothing to retry for " + rollbackId + " on " + incidentId + ".");
        }
        List<String> allowed = allowedFor(found.get(), rollback.get());
        if (!permitted(user, allowed)) {
            return Outcome.refused("You may not retry \"" + rollback.get().label() + "\": " + authorization.whoMay(allowed) + ".");
        }
        return jdbi.inTransaction(handle -> {
            String key = "rollback:" + incidentId + ":" + rollbackId;
            int updated = handle.createUpdate("UPDATE actions SET status = 'in_flight', by_user = :user WHERE action_key = :key AND status = 'failed'")
                    .bind("user", user).bind("key", key).execute();
            if (updated == 0) {
                return Outcome.already(ActionRows.already(handle, key));
            }
            handle.attach(IncidentStore.class).addTimeline(incidentId, clock.instant(), user, "Rollback " + rollbackId + " retried by " + Mrkdwn.user(user));
            Outbox.enqueue(handle, incidentId, OutboxKind.ROLLBACK, Map.of("key", key, "allowed", true), clock.instant());
            return Outcome.done("Retrying " + rollback.get().label());
        });
    }

    public Outcome rerunEval(String incidentId, String user) {
        Optional<Incident> found = incident(incidentId);
        Optional<Runbook.EvalSpec> eval = found.flatMap(this::runbook).map(Runbook::eval);
        if (found.isEmpty() || eval.isEmpty()) {
            return Outcome.refused("The runbook of " + incidentId + " names no eval to rerun.");
        }
        return jdbi.inTransaction(handle -> {
            Instant now = clock.instant();
            String key = "eval:" + incidentId + ":" + now.toEpochMilli() / 60_000; // at most one run a minute
            if (!ActionRows.insert(handle, incidentId, key, "eval", found.get().workflow(), user, "in_flight", now, "eval requested")) {
                return Outcome.already(ActionRows.already(handle, key));
            }
            handle.attach(IncidentStore.class).addTimeline(incidentId, now, user, "Eval rerun requested by " + Mrkdwn.user(user));
            Outbox.enqueue(handle, incidentId, OutboxKind.EVAL, Map.of("key", key), now);
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

    boolean permitted(String user, List<String> allowed) {
        try {
            return authorization.allowed(user, allowed);
        } catch (ThreeAmException e) {
            return false;
        }
    }

    private String reviewers(Incident incident) {
        List<String> reviewers = runbook(incident).flatMap(book -> book.owner("reviewer")).map(Runbook.Owner::slack).orElse(List.of());
        return reviewers.isEmpty() ? "a reviewer (the runbook names no `reviewer` owner)"
                : authorization.whoMay(reviewers).replaceFirst("^only ", "").replace(" may press this", "");
    }

    private Optional<Incident> incident(String incidentId) {
        return jdbi.withExtension(IncidentStore.class, store -> store.find(incidentId));
    }

    private Optional<Runbook> runbook(Incident incident) {
        return Optional.ofNullable(incident.workflow()).flatMap(runbooks::find);
    }

    private void log(String incidentId, String user, String text) {
        jdbi.useExtension(IncidentStore.class, store -> store.addTimeline(incidentId, clock.instant(), user, text));
    }
}
