package dev.threeam.action;

import dev.threeam.incident.ActionFacts;
import dev.threeam.incident.ActionFacts.Result;
import dev.threeam.incident.ActionFacts.Via;
import dev.threeam.incident.Deliveries;
import dev.threeam.incident.Fact;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.Outcome;
import dev.threeam.incident.TimelineEntry;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.store.DeliveryException;
import dev.threeam.store.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Carries out the action rows of the outbox: pages (Slack mentions and a DM, PagerDuty, Opsgenie), rollbacks and eval
 * runs. Each paging target is its own action row, so a retry after a pager's 5xx pages only what was not paged (and
 * PagerDuty and Opsgenie dedupe on the incident id besides). A pager or flag API that does not answer (5xx, a timeout,
 * not reached) is retried with backoff for {@code retryFor}: the thread hears once that it is being retried, and
 * again when it works or is given up (failed, with a Retry button). In a drill nothing external is called: the thread
 * says what would have been. In sandbox mode the adapters themselves only answer what they would call
 * ({@link ExternalCalls} chose them), and that answer is what the thread shows.
 */
public final class ActionDelivery {

    private final Jdbi jdbi;
    private final IncidentService incidents;
    private final RunbookRegistry runbooks;
    private final FlagProviders flags;
    private final Pager pagerDuty;
    private final Pager opsgenie;
    private final EvalTrigger evals;
    private final ExternalCalls calls;
    private final Clock clock;
    private final String publicUrl;
    private final UnreachableRetries retries;

    public ActionDelivery(Jdbi jdbi, IncidentService incidents, RunbookRegistry runbooks, FlagProviders flags, Pager pagerDuty,
            Pager opsgenie, EvalTrigger evals, ExternalCalls calls, Clock clock, String publicUrl, Duration retryFor) {
        this.retries = new UnreachableRetries(jdbi, incidents, clock, retryFor);
        this.jdbi = jdbi;
        this.incidents = incidents;
        this.runbooks = runbooks;
        this.flags = flags;
        this.pagerDuty = pagerDuty;
        this.opsgenie = opsgenie;
        this.evals = evals;
        this.calls = calls;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    public void rollback(OutboxMessage row, ActionRequests.Rollback request) {
        ActionRecord action = action(request.key()).orElseThrow(() -> DeliveryException.permanent("action_not_found",
                "no action " + request.key()));
        Incident incident = incident(row);
        Optional<Runbook.Rollback> rollback = runbook(incident).flatMap(book -> book.rollback(action.target()));
        if (rollback.isEmpty()) {
            finish(incident, request.key(), ActionStatus.FAILED, new ActionFacts.RollbackFinished(action.target(), action.target(),
                    Result.MISSING, null, action.byUser(), request.allowed()));
            return;
        }
        String label = rollback.get().label();
        if (incident.drill()) {
            finish(incident, request.key(), ActionStatus.WOULD_HAVE, new ActionFacts.RollbackFinished(action.target(), label,
                    Result.WOULD_HAVE, flags.describe(rollback.get()), action.byUser(), request.allowed()));
            return;
        }
        RollbackResult result = flags.apply(rollback.get());
        if (result.isUnreachable()) {
            result = RollbackResult.failed(retryOrGiveUp(incident, request.key(), rollback.get().provider(), "roll back \"" + label + "\"",
                    result.detail()));
        }
        Result outcome = switch (result.outcome()) {
            case DONE -> Result.DONE;
            case FAILED, UNREACHABLE -> Result.FAILED;
            case WOULD_CALL -> Result.WOULD_CALL;
        };
        finish(incident, request.key(), status(outcome), new ActionFacts.RollbackFinished(
                action.target(), label, outcome, result.detail(), action.byUser(), request.allowed(), calls.realFromSandbox()));
    }

    public void eval(OutboxMessage row, ActionRequests.Eval request) {
        Incident incident = incident(row);
        Optional<Runbook.EvalSpec> eval = runbook(incident).map(Runbook::eval);
        if (eval.isEmpty() || eval.get().webhook() == null) {
            finish(incident, request.key(), ActionStatus.FAILED, new ActionFacts.EvalFinished(Result.MISSING, null));
            return;
        }
        ProviderAnswer answer = evals.trigger(eval.get().webhook(), incident, publicUrl);
        if (!answer.called()) {
            finish(incident, request.key(), ActionStatus.WOULD_HAVE, new ActionFacts.EvalFinished(Result.WOULD_CALL, answer.body()));
            return;
        }
        String detail = answer.status() >= 500 || answer.status() == 0 || answer.status() == 429
                ? retryOrGiveUp(incident, request.key(), "eval", "rerun the eval", answer.toString())
                : answer.toString();
        finish(incident, request.key(), answer.isSuccess() ? ActionStatus.DONE : ActionStatus.FAILED,
                new ActionFacts.EvalFinished(answer.isSuccess() ? Result.DONE : Result.FAILED, detail, calls.realFromSandbox()));
    }

    public void page(OutboxMessage row, Deliveries.Page page) {
        Incident incident = incident(row);
        Optional<Runbook> runbook = runbook(incident);
        if (runbook.isEmpty()) {
            return;
        }
        if (page.event() == Deliveries.Page.Event.ACKNOWLEDGE || page.event() == Deliveries.Page.Event.RESOLVE) {
            follow(incident, runbook.get(), page.event() == Deliveries.Page.Event.ACKNOWLEDGE ? PageRequest.Event.ACKNOWLEDGE
                    : PageRequest.Event.RESOLVE);
            return;
        }
        List<String> roles = page.event() == Deliveries.Page.Event.TRIGGER ? page.roles() : runbook.get().rolesFor(incident.type());
        for (String role : roles) {
            runbook.get().owner(role).ifPresent(owner -> pageRole(incident, owner, page.by()));
        }
        if (page.request() != null) {
            jdbi.useExtension(ActionStore.class, store -> store.finish(page.request(), ActionStatus.DONE,
                    "paged " + String.join(", ", roles), clock.instant()));
        }
    }

    private void pageRole(Incident incident, Runbook.Owner owner, String by) {
        String base = "page:" + incident.id() + ":" + owner.role();
        if (!owner.slack().isEmpty()) {
            once(incident, base + ":slack", "slack", owner.role(), by, () -> {
                Optional<String> firstPerson = owner.slack().stream().filter(id -> id.startsWith("U") || id.startsWith("W")).findFirst();
                Result result = incident.drill() ? Result.WOULD_HAVE : Result.DONE;
                return new Step(result, new ActionFacts.PageFinished(owner.role(), Via.SLACK, result, null, owner.slack()), true,
                        firstPerson.filter(user -> !incident.drill()).map(user -> new Deliveries.DirectMessage(user, owner.role())).orElse(null));
            });
        }
        if (owner.pagerduty() != null) {
            external(incident, base + ":pagerduty", owner.role(), by, pagerDuty, Via.PAGERDUTY, owner.pagerduty());
        }
        if (owner.opsgenie() != null) {
            external(incident, base + ":opsgenie", owner.role(), by, opsgenie, Via.OPSGENIE, owner.opsgenie());
        }
    }

    private void external(Incident incident, String key, String role, String by, Pager pager, Via via, String target) {
        once(incident, key, pager.name(), role, by, () -> {
            if (incident.drill()) {
                return new Step(Result.WOULD_HAVE, new ActionFacts.PageFinished(role, via, Result.WOULD_HAVE, null, List.of()), false, null);
            }
            if (target.contains("${")) { // sandbox mode keeps unresolved references: show the call instead of making it
                return new Step(Result.NOT_SET, new ActionFacts.PageFinished(role, via, Result.NOT_SET, target, List.of()), true, null);
            }
            PageResult result = pager.page(request(incident, PageRequest.Event.TRIGGER, target));
            if (result.outcome() == PageResult.Outcome.WOULD_CALL) {
                return new Step(Result.WOULD_CALL, new ActionFacts.PageFinished(role, via, Result.WOULD_CALL, result.detail(), List.of()), true, null);
            }
            String detail = result.outcome() == PageResult.Outcome.RETRYABLE_FAILURE
                    ? retryOrGiveUp(incident, key, pager.name(), "page \"" + role + "\"", result.detail())
                    : result.detail();
            Result outcome = result.isDone() ? Result.DONE : Result.FAILED;
            return new Step(outcome, new ActionFacts.PageFinished(role, via, outcome, detail, List.of(), calls.realFromSandbox()),
                    true, null);
        });
    }

    private String retryOrGiveUp(Incident incident, String key, String service, String action, String detail) {
        return retries.retryOrGiveUp(incident.id(), key, service, action, detail);
    }

    /** PagerDuty and Opsgenie follow the incident: acknowledge and resolve what was triggered, same dedup key. */
    private void follow(Incident incident, Runbook runbook, PageRequest.Event event) {
        for (Runbook.Owner owner : runbook.owners().values()) {
            String base = "page:" + incident.id() + ":" + owner.role();
            if (owner.pagerduty() != null && wasDone(base + ":pagerduty")) {
                pagerDuty.page(request(incident, event, owner.pagerduty()));
            }
            if (owner.opsgenie() != null && wasDone(base + ":opsgenie")) {
                opsgenie.page(request(incident, event, owner.opsgenie()));
            }
        }
    }

    private PageRequest request(Incident incident, PageRequest.Event event, String target) {
        return new PageRequest(incident.id(), event, incident.id() + ": " + incident.title(), PageRequest.Severity.from(incident.severity().id()),
                incident.workflow() == null ? "3am" : incident.workflow(), publicUrl + "/api/incidents/" + incident.id(), target,
                Map.of("failure_type", incident.type().id(), "evidence", incident.classification().evidence()));
    }

    /**
     * What one paging step came to: its fact, whether the thread hears of it, a DM to send (or null). In a drill the
     * action is recorded as what would have been.
     */
    private record Step(Result result, ActionFacts.PageFinished fact, boolean tellThread, Deliveries.DirectMessage directMessage) {}

    /**
     * Runs a paging step at most once per key. The row is claimed in one short transaction, the call is made outside
     * any transaction (a pager may take seconds; SQLite must not be held meanwhile), and the result is written in a
     * second one. A step that throws a transient failure leaves its row in flight, and the outbox retries it.
     */
    private void once(Incident incident, String key, String kind, String role, String by, Supplier<Step> step) {
        boolean claimed = jdbi.inTransaction(handle -> {
            ActionStore store = handle.attach(ActionStore.class);
            Optional<ActionRecord> existing = store.find(key);
            if (existing.isPresent()) {
                return existing.get().status() == ActionStatus.IN_FLIGHT;
            }
            return store.claim(incident.id(), key, ActionKind.PAGE, role + " (" + kind + ")", by, clock.instant(), "paging " + role, null) == 1;
        });
        if (!claimed) {
            return;
        }
        Step result = step.get();
        ActionStatus status = incident.drill() ? ActionStatus.WOULD_HAVE : status(result.result());
        incidents.update(incident.id(), update -> {
            update.attach(ActionStore.class).finish(key, status, result.fact().sentence().plain(), update.now());
            if (result.tellThread()) {
                update.announce(by, result.fact());
            } else {
                update.record(by, result.fact());
            }
            if (result.directMessage() != null) {
                update.deliver(result.directMessage());
            }
            update.redrawCard();
            return Outcome.done("paged");
        });
    }

    private void finish(Incident incident, String key, ActionStatus status, Fact fact) {
        incidents.update(incident.id(), update -> {
            update.attach(ActionStore.class).finish(key, status, fact.sentence().plain(), update.now());
            update.announce(TimelineEntry.BOT, fact);
            update.redrawCard();
            return Outcome.done("finished");
        });
    }

    /** A would-be call is recorded as what would have been, as in a drill. */
    private static ActionStatus status(Result result) {
        return switch (result) {
            case DONE -> ActionStatus.DONE;
            case WOULD_HAVE, WOULD_CALL -> ActionStatus.WOULD_HAVE;
            default -> ActionStatus.FAILED;
        };
    }

    private boolean wasDone(String key) {
        return action(key).map(action -> action.status() == ActionStatus.DONE).orElse(false);
    }

    private Optional<ActionRecord> action(String key) {
        return jdbi.withExtension(ActionStore.class, store -> store.find(key));
    }

    private Incident incident(OutboxMessage row) {
        return incidents.find(row.incidentId()).orElseThrow(() -> DeliveryException.permanent("incident_not_found",
                "unknown incident " + row.incidentId()));
    }

    private Optional<Runbook> runbook(Incident incident) {
        return Optional.ofNullable(incident.workflow()).flatMap(runbooks::find);
    }
}
