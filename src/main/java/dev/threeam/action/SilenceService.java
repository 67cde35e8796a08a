package dev.threeam.action;

import dev.threeam.common.Json;
import dev.threeam.common.Sentence;
import dev.threeam.common.Text;
import dev.threeam.common.ThreeAmException;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.Outcome;
import dev.threeam.incident.SilenceFacts;
import dev.threeam.incident.TimelineEntry;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Silence at the source" from the card: an Alertmanager silence on the incident's group labels for 30m, 2h or 8h.
 * Allowed to whoever may press the runbook's rollbacks (the owning role), audited as an action, at most one silence per
 * incident: a later end extends it, an earlier or equal one keeps it. Resolving the incident expires it. The calls go
 * through the outbox ({@link SilenceDelivery}).
 */
public final class SilenceService {

    /** Two choices ending within this of each other are the same choice (a double click, a second window). */
    private static final Duration SAME_END = Duration.ofMinutes(1);

    private final IncidentService incidents;
    private final RunbookRegistry runbooks;
    private final Authorization authorization;
    private final boolean offered;

    /** @param offered whether cards offer silences ({@link ExternalCalls#silencesOffered}) */
    public SilenceService(IncidentService incidents, RunbookRegistry runbooks, Authorization authorization, boolean offered) {
        this.incidents = incidents;
        this.runbooks = runbooks;
        this.authorization = authorization;
        this.offered = offered;
    }

    /** Whether the card of {@code incident} offers the select: silences are on, and its alerts came from Alertmanager. */
    public boolean offeredFor(Incident incident) {
        return offered && SilenceMatchers.fromAlertmanager(incident);
    }

    /** @param userName the Slack user's name: the silence's {@code createdBy} */
    public Outcome choose(String incidentId, String durationId, String user, String userName) {
        Optional<SilenceDuration> duration = SilenceDuration.fromId(durationId);
        if (duration.isEmpty()) {
            return Outcome.refused(Sentence.of("Unknown silence duration \"").quote(Text.cap(String.valueOf(durationId), 40))
                    .then("\": choose " + SilenceDuration.choices() + ". Nothing was silenced."));
        }
        Optional<Incident> found = incidents.find(incidentId);
        if (found.isEmpty()) {
            return Outcome.notFound(incidentId);
        }
        Incident incident = found.get();
        if (!offered) {
            return Outcome.refused("Silence at the source is off: ALERTMANAGER_URL is not set. Nothing was silenced.");
        }
        if (!SilenceMatchers.fromAlertmanager(incident)) {
            return Outcome.refused("The alerts of " + incidentId + " did not come from Alertmanager: there is no silence to make at the source.");
        }
        if (!incident.open()) {
            return Outcome.refused(incidentId + " is resolved: its silence, if any, was expired. Nothing was silenced.");
        }
        List<SilenceMatcher> matchers = SilenceMatchers.of(incident, incidents.alerts(incidentId));
        if (matchers.isEmpty()) {
            return Outcome.refused("The alerts of " + incidentId + " share no labels to match on: nothing was silenced.");
        }
        List<String> allowed = onCall(incident);
        boolean permitted = permitted(user, allowed);
        if (!permitted && !incident.drill()) {
            incidents.record(incidentId, user, new SilenceFacts.SilenceRefused(user, duration.get().id()));
            return Outcome.refused(Sentence.of("You may not silence " + incidentId + " at the source: ").then(authorization.whoMay(allowed)).then("."));
        }
        String createdBy = userName == null || userName.isBlank() ? user : userName;
        return incidents.update(incidentId, update -> {
            Instant endsAt = update.now().plus(duration.get().length());
            SilenceStore store = update.attach(SilenceStore.class);
            Optional<SilenceRow> row = store.find(incidentId);
            if (row.isPresent() && row.get().wantedActive() && !row.get().endsAt().isBefore(endsAt.minus(SAME_END))) {
                return Outcome.already(Sentence.of("Already silenced at the source until " + SilenceFacts.when(row.get().endsAt())
                        + " (chosen by ").person(row.get().byUser()).then("); a choice that ends sooner keeps that silence."));
            }
            String key = "silence:" + incidentId + ":" + endsAt.toEpochMilli() / SAME_END.toMillis();
            if (update.attach(ActionStore.class).claim(incidentId, key, ActionKind.SILENCE, duration.get().id(), user, update.now(),
                    "silence " + duration.get().id(), permitted) == 0) {
                return Outcome.already(Sentence.of("That silence is already being made."));
            }
            if (row.isEmpty()) {
                store.create(incidentId, Json.write(matchers), endsAt, user, createdBy, key);
            } else {
                store.extend(incidentId, endsAt, user, createdBy, key, row.get().wantedActive());
            }
            update.record(user, new SilenceFacts.SilenceChosen(user, duration.get().id(), endsAt, SilenceMatcher.said(matchers),
                    incident.drill(), permitted));
            if (store.queue(incidentId) == 1) {
                update.deliver(new ActionRequests.SyncSilence());
            }
            update.redrawCard();
            return Outcome.done(incident.drill() ? "Would silence at the source (a drill: nothing is called)."
                    : "Silencing at the source until " + SilenceFacts.when(endsAt) + ".");
        });
    }

    /** The incident resolved: its silence is to be expired. Only writes (the sync row expires it). */
    public void resolved(String incidentId) {
        incidents.update(incidentId, update -> {
            SilenceStore store = update.attach(SilenceStore.class);
            Optional<SilenceRow> row = store.find(incidentId);
            if (row.isEmpty() || !row.get().wantedActive() || update.incident().open()) {
                return Outcome.done("nothing to expire");
            }
            String key = "silence_expire:" + incidentId + ":" + update.now().toEpochMilli();
            update.attach(ActionStore.class).claim(incidentId, key, ActionKind.SILENCE, "expire", TimelineEntry.BOT, update.now(),
                    "expire the silence", null);
            store.expire(incidentId, key);
            if (store.queue(incidentId) == 1) {
                update.deliver(new ActionRequests.SyncSilence());
            }
            return Outcome.done("expiring");
        });
    }

    /** The rollbacks' rule: the members of the role owning the incident's failure type. */
    private List<String> onCall(Incident incident) {
        return Optional.ofNullable(incident.workflow()).flatMap(runbooks::find)
                .flatMap(book -> book.owningRole(incident.type()).flatMap(book::owner))
                .map(Runbook.Owner::slack).orElse(List.of());
    }

    private boolean permitted(String user, List<String> allowed) {
        try {
            return authorization.allowed(user, allowed);
        } catch (ThreeAmException e) {
            return false;
        }
    }
}
