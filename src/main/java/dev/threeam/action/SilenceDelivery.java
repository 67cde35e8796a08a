package dev.threeam.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.threeam.common.Json;
import dev.threeam.common.ThreeAmException;
import dev.threeam.incident.Deliveries;
import dev.threeam.incident.Fact;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.Outcome;
import dev.threeam.incident.SilenceFacts;
import dev.threeam.incident.SilenceFacts.Result;
import dev.threeam.incident.TimelineEntry;
import dev.threeam.store.DeliveryException;
import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Makes Alertmanager hold what an incident's silences row wants: creates the silence, extends it in place, or expires
 * it once the incident resolved. One sync row is queued per incident at a time; a choice made while it runs is picked
 * up by running it again. Alertmanager not answering is said once and retried for {@code ACTION_RETRY_FOR}, then
 * reported failed, and the row falls back to what Alertmanager holds: nothing is left half-done. A create is counted
 * on the outbox row before it is sent; a row tried before that has no silence id yet looks for the silence that try
 * may have made ({@link Silencer#createOnce}) rather than making a second one.
 */
public final class SilenceDelivery {

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final IncidentService incidents;
    private final SilenceService silences;
    private final Silencer silencer;
    private final ExternalCalls calls;
    private final UnreachableRetries retries;
    private final Clock clock;
    private final String publicUrl;

    public SilenceDelivery(Jdbi jdbi, Outbox outbox, IncidentService incidents, SilenceService silences, Silencer silencer, ExternalCalls calls,
            Clock clock, String publicUrl, Duration retryFor) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.incidents = incidents;
        this.silences = silences;
        this.silencer = silencer;
        this.calls = calls;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.retries = new UnreachableRetries(jdbi, incidents, clock, retryFor);
    }

    /** The pagers follow a resolved incident ({@link Deliveries.Page.Event#RESOLVE}); its silence is expired too. */
    public void follow(OutboxMessage row, Deliveries.Page page) {
        if (page.event() == Deliveries.Page.Event.RESOLVE && row.incidentId() != null) {
            silences.resolved(row.incidentId());
        }
    }

    public void sync(OutboxMessage row, ActionRequests.SyncSilence request) {
        Incident incident = incidents.find(row.incidentId()).orElseThrow(() -> DeliveryException.permanent("incident_not_found",
                "unknown incident " + row.incidentId()));
        Optional<SilenceRow> read = jdbi.withExtension(SilenceStore.class, store -> store.find(incident.id()));
        if (read.isEmpty()) {
            return;
        }
        SilenceRow silence = read.get();
        if (silence.wantedActive()) {
            create(row, incident, silence);
        } else {
            expire(incident, silence);
        }
        boolean changed = jdbi.withExtension(SilenceStore.class, store -> store.unqueue(incident.id(), silence.wanted(), silence.endsAt())) == 0;
        if (changed) { // chosen again (or resolved) while Alertmanager was being asked: once more with the latest
            throw DeliveryException.waitFor(Duration.ZERO, "the silence of " + incident.id() + " changed while it was synced");
        }
    }

    private void create(OutboxMessage row, Incident incident, SilenceRow silence) {
        List<SilenceMatcher> matchers = matchers(silence);
        String said = SilenceMatcher.said(matchers);
        boolean extending = silence.silenceId() != null;
        if (incident.drill()) {
            finish(incident, ActionStatus.WOULD_HAVE, new SilenceFacts.SilenceFinished(Result.WOULD_HAVE, null, silence.endsAt(), said,
                    extending, null, false));
            return;
        }
        if (extending && silence.silencedUntil() != null && !silence.silencedUntil().isBefore(silence.endsAt())) {
            finish(incident, ActionStatus.DONE, null); // Alertmanager holds it already
            return;
        }
        SilenceSpec spec = new SilenceSpec(silence.silenceId(), matchers, clock.instant(), silence.endsAt(), silence.createdBy(),
                comment(incident));
        // an earlier try may have made it and died (or lost the answer) before its id was recorded: adopt that one
        boolean triedBefore = row.attempts() > 0;
        outbox.markAttempt(row.id());
        Silencer.SilenceCall call = !extending && triedBefore ? silencer.createOnce(spec) : silencer.create(spec);
        switch (call.outcome()) {
            case WOULD_CALL -> finish(incident, ActionStatus.WOULD_HAVE, new SilenceFacts.SilenceFinished(Result.WOULD_CALL, null,
                    silence.endsAt(), said, extending, call.detail(), false));
            case DONE -> {
                jdbi.useExtension(SilenceStore.class, store -> store.held(incident.id(), call.silenceId(), silence.endsAt()));
                finish(incident, ActionStatus.DONE, new SilenceFacts.SilenceFinished(Result.DONE, call.silenceId(), silence.endsAt(), said,
                        extending, call.detail(), calls.realFromSandbox()));
            }
            case UNREACHABLE, REFUSED -> {
                String detail = call.outcome() == Silencer.SilenceCall.Outcome.UNREACHABLE
                        ? retries.retryOrGiveUp(incident.id(), silence.actionKey(), "alertmanager", "silence " + said, call.detail())
                        : call.detail();
                jdbi.useExtension(SilenceStore.class, store -> store.fallBack(incident.id()));
                finish(incident, ActionStatus.FAILED, new SilenceFacts.SilenceFinished(Result.FAILED, silence.silenceId(),
                        silence.endsAt(), said, extending, detail, calls.realFromSandbox()));
            }
        }
    }

    private void expire(Incident incident, SilenceRow silence) {
        if (silence.silenceId() == null) {
            finish(incident, ActionStatus.DONE, null); // never made (or sandbox mode's): nothing to expire
            return;
        }
        Silencer.SilenceCall call = silencer.expire(silence.silenceId());
        switch (call.outcome()) {
            case DONE, WOULD_CALL -> {
                jdbi.useExtension(SilenceStore.class, store -> store.held(incident.id(), silence.silenceId(), null));
                finish(incident, call.outcome() == Silencer.SilenceCall.Outcome.DONE ? ActionStatus.DONE : ActionStatus.WOULD_HAVE,
                        new SilenceFacts.SilenceExpired(silence.silenceId(), true, call.detail()));
            }
            case UNREACHABLE, REFUSED -> {
                String detail = call.outcome() == Silencer.SilenceCall.Outcome.UNREACHABLE
                        ? retries.retryOrGiveUp(incident.id(), silence.actionKey(), "alertmanager", "expire silence " + silence.silenceId(),
                                call.detail())
                        : call.detail();
                finish(incident, ActionStatus.FAILED, new SilenceFacts.SilenceExpired(silence.silenceId(), false, detail));
            }
        }
    }

    /** Names the incident, so whoever reads the silence in Alertmanager finds the thread. */
    private String comment(Incident incident) {
        return "3am " + (incident.drill() ? "drill " : "") + incident.id() + ": " + dev.threeam.common.Text.cap(incident.title(), 200)
                + " (" + publicUrl + "/api/incidents/" + incident.id() + ")";
    }

    private void finish(Incident incident, ActionStatus status, Fact fact) {
        incidents.update(incident.id(), update -> {
            update.attach(ActionStore.class).finishSilences(incident.id(), status, fact == null ? "nothing to change"
                    : fact.sentence().plain(), update.now());
            if (fact != null) {
                update.announce(TimelineEntry.BOT, fact);
            }
            update.redrawCard();
            return Outcome.done("finished");
        });
    }

    private static List<SilenceMatcher> matchers(SilenceRow silence) {
        try {
            return Arrays.asList(Json.mapper().readValue(silence.matchers(), SilenceMatcher[].class));
        } catch (JsonProcessingException e) {
            throw new ThreeAmException("silence of " + silence.incidentId() + ": unreadable matchers " + silence.matchers(), e);
        }
    }
}
