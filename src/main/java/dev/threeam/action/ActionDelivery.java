package dev.threeam.action;

import dev.threeam.common.Mrkdwn;
import dev.threeam.config.Config;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentStore;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.store.DeliveryException;
import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxKind;
import dev.threeam.store.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Carries out the action rows of the outbox: pages (Slack mentions and a DM, PagerDuty, Opsgenie), rollbacks
 * and eval runs. Each target is its own action row, so a retry after a pager's 5xx pages only what was not paged.
 * In a drill nothing external is called: the thread says what would have been.
 */
public final class ActionDelivery {

    private final Jdbi jdbi;
    private final RunbookRegistry runbooks;
    private final FlagProviders flags;
    private final Pager pagerDuty;
    private final Pager opsgenie;
    private final EvalTrigger evals;
    private final Clock clock;
    private final Duration cardInterval;
    private final String publicUrl;

    public ActionDelivery(Jdbi jdbi, RunbookRegistry runbooks, FlagProviders flags, Pager pagerDuty, Pager opsgenie,
            EvalTrigger evals, Clock clock, Config config) {
        this.jdbi = jdbi;
        this.runbooks = runbooks;
        this.flags = flags;
        this.pagerDuty = pagerDuty;
        this.opsgenie = opsgenie;
        this.evals = evals;
        this.clock = clock;
        this.cardInterval = config.cardUpdateInterval();
        this.publicUrl = config.publicUrl();
    }

    public void rollback(OutboxMessage row) {
        Map<String, Object> payload = Outbox.read(row.payload());
        String key = String.valueOf(payload.get("key"));
        boolean allowed = Boolean.TRUE.equals(payload.get("allowed"));
        ActionRecord action = jdbi.withHandle(handle -> ActionRows.find(handle, key));
        Incident incident = incident(row.incidentId());
        Optional<Runbook.Rollback> rollback = runbook(incident).flatMap(book -> book.rollback(action.target()));
        if (rollback.isEmpty()) {
            finish(incident, key, "failed", "the runbook no longer has rollback " + action.target(), null);
            return;
        }
        if (incident.drill()) {
            finish(incident, key, "would_have", "DRILL: would have called " + flags.describe(rollback.get())
                    + "; " + Mrkdwn.user(action.byUser()) + (allowed ? " was allowed to." : " was NOT allowed to."), null);
            return;
        }
        RollbackResult result = flags.apply(rollback.get());
        finish(incident, key, result.isDone() ? "done" : "failed", (result.isDone() ? ":white_check_mark: Rollback done: " : ":x: Rollback failed: ")
                + Mrkdwn.escape(rollback.get().label()) + " — " + Mrkdwn.escape(result.detail(), 1500), result.isDone() ? null : rollback.get().id());
    }

    public void page(OutboxMessage row) {
        Map<String, Object> payload = Outbox.read(row.payload());
        String event = String.valueOf(payload.get("event"));
        Incident incident = incident(row.incidentId());
        Optional<Runbook> runbook = runbook(incident);
        if (runbook.isEmpty()) {
            return;
        }
        if (event.equals("acknowledge") || event.equals("resolve")) {
            follow(incident, runbook.get(), event.equals("acknowledge") ? PageRequest.Event.ACKNOWLEDGE : PageRequest.Event.RESOLVE);
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> roles = payload.get("roles") instanceof List<?> list ? (List<String>) list : runbook.get().rolesFor(incident.type());
        String by = String.valueOf(payload.getOrDefault("by", "3am"));
        for (String role : roles) {
            runbook.get().owner(role).ifPresent(owner -> pageRole(incident, owner, by));
        }
        if (payload.get("request") != null) {
            jdbi.useHandle(handle -> ActionRows.finish(handle, String.valueOf(payload.get("request")), "done",
                    "paged " + String.join(", ", roles), clock.instant()));
        }
    }

    public void eval(OutboxMessage row) {
        String key = String.valueOf(Outbox.read(row.payload()).get("key"));
        Incident incident = incident(row.incidentId());
        Optional<Runbook.EvalSpec> eval = runbook(incident).map(Runbook::eval);
        if (eval.isEmpty() || eval.get().webhook() == null) {
            finish(incident, key, "failed", "The runbook names no eval webhook.", null);
            return;
        }
        ProviderAnswer answer = evals.trigger(eval.get().webhook(), incident, publicUrl);
        if (answer.status() >= 500 || answer.status() == 0) {
            throw DeliveryException.transientFailure("eval_" + answer.status(), "eval webhook: " + answer);
        }
        finish(incident, key, answer.isSuccess() ? "done" : "failed", answer.isSuccess()
                ? ":test_tube: Eval rerun started; its result will be posted here."
                : ":x: Eval webhook refused: " + Mrkdwn.escape(answer.toString(), 500), null);
    }

    private void pageRole(Incident incident, Runbook.Owner owner, String by) {
        String base = "page:" + incident.id() + ":" + owner.role();
        if (!owner.slack().isEmpty()) {
            once(incident, base + ":slack", "slack", owner.role(), by, () -> {
                String mentions = String.join(" ", owner.slack().stream().map(ActionDelivery::mention).toList());
                String text = (incident.drill() ? "DRILL: would page " : ":rotating_light: Paging ") + "*" + Mrkdwn.escape(owner.role()) + "*: " + mentions;
                Map<String, Object> dm = owner.slack().stream().filter(id -> id.startsWith("U") || id.startsWith("W")).findFirst()
                        .filter(user -> !incident.drill())
                        .<Map<String, Object>>map(user -> Map.of("user", user, "text", "You are paged as " + Mrkdwn.escape(owner.role()) + " for "
                                + incident.id() + ": " + Mrkdwn.escape(incident.title(), 500)))
                        .orElse(null);
                return new Step(true, "mentioned " + owner.role() + " in the thread: " + String.join(", ", owner.slack()), text, dm);
            });
        }
        if (owner.pagerduty() != null) {
            external(incident, base + ":pagerduty", owner.role(), by, pagerDuty, owner.pagerduty());
        }
        if (owner.opsgenie() != null) {
            external(incident, base + ":opsgenie", owner.role(), by, opsgenie, owner.opsgenie());
        }
    }

    private void external(Incident incident, String key, String role, String by, Pager pager, String target) {
        once(incident, key, pager.name(), role, by, () -> {
            if (incident.drill()) {
                return new Step(true, "DRILL: would have sent a " + pager.name() + " trigger for " + role, null, null);
            }
            if (target.contains("${")) { // sandbox mode keeps unresolved references: show the call instead of making it
                String wouldBe = "would page " + role + " via " + pager.name() + ", but " + target + " is not set";
                return new Step(false, wouldBe, ":information_source: " + Mrkdwn.escape(wouldBe), null);
            }
            PageResult result = pager.page(request(incident, PageRequest.Event.TRIGGER, target));
            if (result.outcome() == PageResult.Outcome.RETRYABLE_FAILURE) {
                throw DeliveryException.transientFailure(pager.name() + "_" + result.status(), pager.name() + ": " + result.detail());
            }
            String detail = (result.isDone() ? "paged " + role + " via " : "could not page " + role + " via ") + pager.name() + ": " + result.detail();
            return new Step(result.isDone(), detail, (result.isDone() ? ":pager: " : ":x: ") + Mrkdwn.escape(detail, 1000), null);
        });
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
        return new PageRequest(incident.id(), event, incident.id() + ": " + incident.title(), PageRequest.Severity.from(incident.severity()),
                incident.workflow() == null ? "3am" : incident.workflow(), publicUrl + "/api/incidents/" + incident.id(), target,
                Map.of("failure_type", incident.failureType(), "evidence", incident.evidence()));
    }

    /** What one paging step came to: its audit detail, a notice for the thread, a DM to send (each may be null). */
    private record Step(boolean done, String detail, String threadNotice, Map<String, Object> directMessage) {}

    /**
     * Runs a paging step at most once per key. The row is claimed in one short transaction, the call is made outside
     * any transaction (a pager may take seconds; SQLite must not be held meanwhile), and the result is written in a
     * second one. A step that throws a transient failure leaves its row in flight, and the outbox retries it.
     */
    private void once(Incident incident, String key, String kind, String role, String by, java.util.function.Supplier<Step> step) {
        boolean claimed = jdbi.inTransaction(handle -> {
            ActionRecord existing = ActionRows.find(handle, key);
            if (existing != null) {
                return existing.status().equals("in_flight");
            }
            return ActionRows.insert(handle, incident.id(), key, "page", role + " (" + kind + ")", by, "in_flight", clock.instant(), "paging " + role);
        });
        if (!claimed) {
            return;
        }
        Step result = step.get();
        jdbi.useTransaction(handle -> {
            Instant now = clock.instant();
            ActionRows.finish(handle, key, incident.drill() ? "would_have" : result.done() ? "done" : "failed", result.detail(), now);
            handle.attach(IncidentStore.class).addTimeline(incident.id(), now, by, Mrkdwn.truncate(Mrkdwn.escape(result.detail()), 1000));
            if (result.threadNotice() != null) {
                Outbox.enqueue(handle, incident.id(), OutboxKind.POST_REPLY, Map.of("role", "notice", "text", result.threadNotice()), now);
            }
            if (result.directMessage() != null) {
                Outbox.enqueue(handle, incident.id(), OutboxKind.DIRECT_MESSAGE, result.directMessage(), now);
            }
            Outbox.updateCard(handle, incident.id(), now, incident.cardUpdatedAt(), cardInterval);
        });
    }

    private void finish(Incident incident, String key, String status, String text, String retryRollback) {
        jdbi.useTransaction(handle -> {
            Instant now = clock.instant();
            ActionRows.finish(handle, key, status, text, now);
            handle.attach(IncidentStore.class).addTimeline(incident.id(), now, "3am", text);
            Map<String, Object> reply = retryRollback == null ? Map.of("role", "notice", "text", text)
                    : Map.of("role", "notice", "text", text, "retry", retryRollback);
            Outbox.enqueue(handle, incident.id(), OutboxKind.POST_REPLY, reply, now);
            Outbox.updateCard(handle, incident.id(), now, incident.cardUpdatedAt(), cardInterval);
        });
    }

    private boolean wasDone(String key) {
        return jdbi.withHandle(handle -> Optional.ofNullable(ActionRows.find(handle, key)).map(a -> a.status().equals("done")).orElse(false));
    }

    private static String mention(String id) {
        return id.startsWith("S") ? "<!subteam^" + id + ">" : "<@" + id + ">";
    }

    private Incident incident(String id) {
        return jdbi.withExtension(IncidentStore.class, store -> store.find(id))
                .orElseThrow(() -> DeliveryException.permanent("incident_not_found", "unknown incident " + id));
    }

    private Optional<Runbook> runbook(Incident incident) {
        return Optional.ofNullable(incident.workflow()).flatMap(runbooks::find);
    }
}
