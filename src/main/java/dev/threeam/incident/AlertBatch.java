package dev.threeam.incident;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertStatus;
import dev.threeam.common.Json;
import dev.threeam.store.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Writes one group commit of alerts, working per batch rather than per alert: the batch's incident keys are looked
 * up in one query, each touched incident's known fingerprints in one more, and at the end every alert is written by
 * one batched upsert keyed by (incident, fingerprint), with one count update and one card redraw per incident. What
 * changes an incident's state (opening, reopening within the flap window, resolving when its last alert resolved) is
 * written at once, in arrival order, so later alerts of the same batch see it.
 *
 * <p>A storm reads on the timeline as a person would tell it: one "N alerts joined" entry per incident per card
 * interval, grown in place, whatever the batch boundaries. Every notification is still counted exactly
 * ({@code alert_count}, each alert's {@code count}).
 */
final class AlertBatch {

    private final Handle handle;
    private final IncidentStore store;
    private final Instant now;
    private final IncidentSettings settings;
    private final Map<String, Touched> byKey = new HashMap<>();
    private final Map<String, Touched> byId = new LinkedHashMap<>();
    private final Map<String, Set<String>> fingerprintsByKey = new HashMap<>();

    private AlertBatch(Handle handle, Instant now, IncidentSettings settings) {
        this.handle = handle;
        this.store = handle.attach(IncidentStore.class);
        this.now = now;
        this.settings = settings;
    }

    /** Writes every request's alerts in the caller's transaction; returns, per request, the incidents its alerts are on. */
    static List<Set<String>> write(Handle handle, Instant now, IncidentSettings settings, List<List<PreparedAlert>> requests) {
        AlertBatch batch = new AlertBatch(handle, now, settings);
        batch.lookUp(requests);
        List<Set<String>> results = new ArrayList<>(requests.size());
        for (List<PreparedAlert> request : requests) {
            Set<String> incidents = new LinkedHashSet<>();
            for (PreparedAlert alert : request) {
                batch.apply(alert).ifPresent(incidents::add);
            }
            results.add(incidents);
        }
        batch.flush();
        return results;
    }

    /** One query for the open incidents of every key in the batch. */
    private void lookUp(List<List<PreparedAlert>> requests) {
        for (List<PreparedAlert> request : requests) {
            for (PreparedAlert alert : request) {
                fingerprintsByKey.computeIfAbsent(alert.key(), key -> new HashSet<>()).add(alert.alert().fingerprint());
            }
        }
        List<String> keys = new ArrayList<>(fingerprintsByKey.keySet());
        for (int start = 0; start < keys.size(); start += 500) {
            for (IncidentRows.OpenIncident open : store.openByKeys(keys.subList(start, Math.min(keys.size(), start + 500)))) {
                track(open.id(), open.key(), open.cardUpdatedAt());
            }
        }
    }

    private Optional<String> apply(PreparedAlert prepared) {
        return prepared.alert().firing() ? Optional.of(fire(prepared)) : resolve(prepared);
    }

    private String fire(PreparedAlert prepared) {
        Touched incident = byKey.get(prepared.key());
        if (incident == null) {
            incident = reopenFlapping(prepared).orElse(null);
        }
        if (incident == null) {
            Optional<Touched> opened = open(prepared);
            if (opened.isPresent()) {
                return opened.get().id; // its first alert is written with it
            }
            incident = byKey.get(prepared.key()); // another replica opened it a moment ago: join it
        }
        incident.fire(prepared.alert());
        return incident.id;
    }

    private Optional<Touched> open(PreparedAlert prepared) {
        Optional<String> created = Opening.create(store, prepared, prepared.key(), null, now, settings.defaultChannel());
        if (created.isEmpty()) {
            IncidentRows.OpenIncident other = store.openByKeys(List.of(prepared.key())).get(0);
            track(other.id(), other.key(), other.cardUpdatedAt());
            return Optional.empty();
        }
        String id = created.get();
        Touched incident = track(id, prepared.key(), null);
        incident.known.put(prepared.alert().fingerprint(), AlertStatus.FIRING);
        IncidentUpdate update = new IncidentUpdate(handle, now, settings.cardUpdateInterval(), store.find(id).orElseThrow());
        Alert alert = prepared.alert();
        update.record(TimelineEntry.BOT, new AlertFacts.Opened(alert.source(), alert.title(), prepared.classification().failureType(),
                prepared.classification().evidence()));
        if (prepared.lookupNote() != null) {
            update.record(TimelineEntry.BOT, new AlertFacts.NoRunbook(prepared.lookupNote()));
        }
        Opening.openThread(update);
        return Optional.of(incident);
    }

    /** Firing again within the flap window reopens the incident it resolved instead of opening a new one. */
    private Optional<Touched> reopenFlapping(PreparedAlert prepared) {
        return store.findRecentlyResolved(prepared.key(), now.minus(settings.flapWindow()))
                .filter(resolved -> store.reopen(resolved.id()) == 1)
                .map(resolved -> {
                    IncidentUpdate update = new IncidentUpdate(handle, now, settings.cardUpdateInterval(), resolved);
                    update.announce(TimelineEntry.BOT, new AlertFacts.Reopened(prepared.alert().title(),
                            Duration.between(resolved.resolvedAt(), now).toSeconds(), settings.flapWindow().toSeconds()));
                    Touched incident = byId.containsKey(resolved.id()) ? byId.get(resolved.id())
                            : track(resolved.id(), prepared.key(), resolved.thread().cardUpdatedAt());
                    byKey.put(prepared.key(), incident);
                    incident.cardChanged = true;
                    return incident;
                });
    }

    private Optional<String> resolve(PreparedAlert prepared) {
        String fingerprint = prepared.alert().fingerprint();
        Touched incident = byKey.get(prepared.key());
        if (incident == null || incident.status(fingerprint) == null) {
            incident = store.openWithFingerprint(fingerprint).map(open -> byId.containsKey(open.id()) ? byId.get(open.id())
                    : track(open.id(), null, open.cardUpdatedAt())).orElse(null);
        }
        if (incident == null || incident.status(fingerprint) == null) {
            return Optional.empty(); // a resolve for an alert never seen (or already closed) opens nothing
        }
        incident.resolve(prepared.alert());
        if (incident.firing() == 0) {
            flush(incident); // the incident's own rows first: resolving reads them
            IncidentUpdate update = new IncidentUpdate(handle, now, settings.cardUpdateInterval(), store.find(incident.id).orElseThrow());
            if (Lifecycle.allAlertsResolved(update)) {
                byKey.values().remove(incident);
            }
        }
        return Optional.of(incident.id);
    }

    private Touched track(String id, String key, Instant cardUpdatedAt) {
        Touched incident = byId.computeIfAbsent(id, ignored -> new Touched(id, cardUpdatedAt));
        if (key != null) {
            byKey.put(key, incident);
            incident.load(fingerprintsByKey.getOrDefault(key, Set.of()));
        }
        return incident;
    }

    /** The batched writes: alerts, counts, the timeline in a person's words, one card redraw per incident. */
    private void flush() {
        byId.values().stream().sorted(Comparator.comparing(incident -> incident.id)).forEach(this::flush);
    }

    private void flush(Touched incident) {
        if (!incident.changes.isEmpty()) {
            List<String> ids = new ArrayList<>();
            List<String> fingerprints = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            List<String> statuses = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            incident.changes.forEach((fingerprint, change) -> {
                ids.add(incident.id);
                fingerprints.add(fingerprint);
                sources.add(change.alert.source());
                statuses.add(change.status.id());
                titles.add(change.alert.title());
                labels.add(Json.write(change.alert.labels()));
                counts.add(change.received);
            });
            store.upsertAlerts(ids, fingerprints, sources, statuses, titles, labels, counts, now);
            incident.written();
        }
        if (incident.received > 0) {
            store.countAlerts(List.of(incident.id), List.of(incident.received), now);
            incident.received = 0;
        }
        IncidentUpdate update = null;
        if (incident.joined > 0 || incident.resolved > 0 || !incident.firedAgain.isEmpty()) {
            update = new IncidentUpdate(handle, now, settings.cardUpdateInterval(), store.find(incident.id).orElseThrow());
        }
        if (incident.joined > 0) {
            joined(update, incident.joined, incident.firstJoined);
            incident.joined = 0;
        }
        for (String title : incident.firedAgain) {
            update.record(TimelineEntry.BOT, new AlertFacts.AlertFiredAgain(title));
        }
        incident.firedAgain.clear();
        if (incident.resolved > 0) {
            update.record(TimelineEntry.BOT, new AlertFacts.AlertsResolved(incident.resolved, incident.firstResolved));
            incident.resolved = 0;
        }
        if (incident.cardChanged) {
            Outbox.redrawCard(handle, incident.id, now, incident.cardUpdatedAt, settings.cardUpdateInterval());
            incident.cardChanged = false;
        }
    }

    /** New alerts joined: one entry per card interval, grown in place while the storm lasts. */
    private void joined(IncidentUpdate update, long count, String firstTitle) {
        Optional<TimelineEntry> recent = handle.attach(TimelineStore.class).latest(update.incident().id(), "alerts_joined",
                now.minus(settings.cardUpdateInterval()));
        if (recent.isPresent() && recent.get().fact() instanceof AlertFacts.AlertsJoined earlier) {
            Timeline.rewrite(handle, recent.get(), earlier.plus(count));
        } else {
            update.record(TimelineEntry.BOT, new AlertFacts.AlertsJoined(count, firstTitle));
        }
    }

    /** An incident this batch touches: what its alerts were, and what the batch changes. */
    private final class Touched {
        final String id;
        final Instant cardUpdatedAt;
        final Map<String, AlertStatus> known = new HashMap<>();
        final Map<String, Change> changes = new LinkedHashMap<>();
        final List<String> firedAgain = new ArrayList<>();
        long received;
        long joined;
        String firstJoined;
        long resolved;
        String firstResolved;
        boolean cardChanged;
        private Integer firingStored;

        Touched(String id, Instant cardUpdatedAt) {
            this.id = id;
            this.cardUpdatedAt = cardUpdatedAt;
        }

        /** What the database knows of these fingerprints in this incident (one query). */
        void load(Set<String> fingerprints) {
            List<String> unknown = fingerprints.stream().filter(fingerprint -> !known.containsKey(fingerprint)).toList();
            for (int start = 0; start < unknown.size(); start += 500) {
                store.known(id, unknown.subList(start, Math.min(unknown.size(), start + 500)))
                        .forEach(alert -> known.put(alert.fingerprint(), alert.status()));
            }
        }

        AlertStatus status(String fingerprint) {
            Change change = changes.get(fingerprint);
            if (change != null) {
                return change.status;
            }
            if (!known.containsKey(fingerprint)) {
                load(Set.of(fingerprint));
            }
            return known.get(fingerprint);
        }

        void fire(Alert alert) {
            AlertStatus before = status(alert.fingerprint());
            if (before == null) {
                joined++;
                firstJoined = firstJoined == null ? alert.title() : firstJoined;
            } else if (before == AlertStatus.RESOLVED) {
                firedAgain.add(alert.title());
            }
            Change change = changes.computeIfAbsent(alert.fingerprint(), fingerprint -> new Change(alert));
            change.status = AlertStatus.FIRING;
            change.received++;
            received++;
            cardChanged = true;
        }

        void resolve(Alert alert) {
            if (status(alert.fingerprint()) == AlertStatus.FIRING) {
                resolved++;
                firstResolved = firstResolved == null ? alert.title() : firstResolved;
            }
            changes.computeIfAbsent(alert.fingerprint(), fingerprint -> new Change(alert)).status = AlertStatus.RESOLVED;
            cardChanged = true;
        }

        /** Alerts of this incident still firing, counting this batch's changes not yet written. */
        int firing() {
            if (firingStored == null) {
                firingStored = store.firingAlerts(id);
            }
            return firingStored + pendingFiringChange();
        }

        /** How the changes not yet written move the number of firing alerts. */
        int pendingFiringChange() {
            int change = 0;
            for (Map.Entry<String, Change> entry : changes.entrySet()) {
                change += (entry.getValue().status == AlertStatus.FIRING ? 1 : 0) - (known.get(entry.getKey()) == AlertStatus.FIRING ? 1 : 0);
            }
            return change;
        }

        /** The changes were written. */
        void written() {
            if (firingStored != null) {
                firingStored += pendingFiringChange();
            }
            changes.forEach((fingerprint, change) -> known.put(fingerprint, change.status));
            changes.clear();
        }
    }

    /** What this batch received of one fingerprint. */
    private static final class Change {
        final Alert alert;
        AlertStatus status;
        long received;

        Change(Alert alert) {
            this.alert = alert;
        }
    }
}
