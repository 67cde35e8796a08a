package dev.threeam.incident;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertStatus;
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
    private final BatchStatements rows;
    private IntakeStore store;
    private final BatchWrites writes;
    private final Instant now;
    private final IncidentSettings settings;
    private final Map<String, TouchedIncident> byKey = new HashMap<>();
    private final Map<String, TouchedIncident> byId = new LinkedHashMap<>();
    private final Map<String, Set<String>> fingerprintsByKey = new HashMap<>();
    private boolean deliveriesDue;

    private AlertBatch(Handle handle, boolean postgres, Instant now, IncidentSettings settings) {
        this.handle = handle;
        this.rows = new BatchStatements(handle, postgres);
        this.writes = new BatchWrites(handle, rows, Outbox.writer(handle, settings.cardUpdateInterval()), now,
                settings.cardUpdateInterval());
        this.now = now;
        this.settings = settings;
    }

    /**
     * What one request's alerts came to: the incidents they are on, and whether they asked Slack for something now
     * (a thread opened, a notice) rather than only a card redraw, which the outbox workers find on their next poll.
     */
    record Written(Set<String> incidents, boolean deliveriesDue) {}

    /**
     * Writes every request's alerts in the caller's transaction; returns what each request came to. {@code postgres}:
     * the handle is PostgreSQL's, where each of the batch's lookups and writes is one statement.
     */
    static List<Written> write(Handle handle, boolean postgres, Instant now, IncidentSettings settings,
            List<List<PreparedAlert>> requests) {
        AlertBatch batch = new AlertBatch(handle, postgres, now, settings);
        batch.lookUp(requests);
        List<Written> results = new ArrayList<>(requests.size());
        for (List<PreparedAlert> request : requests) {
            Set<String> incidents = new LinkedHashSet<>();
            batch.deliveriesDue = false;
            for (PreparedAlert alert : request) {
                batch.apply(alert).ifPresent(incidents::add);
            }
            results.add(new Written(incidents, batch.deliveriesDue));
        }
        batch.flush();
        return results;
    }

    /** The statements of opening, reopening and resolving, attached by the first alert of the batch that needs them. */
    private IntakeStore store() {
        if (store == null) {
            store = handle.attach(IntakeStore.class);
        }
        return store;
    }

    /** One query for the open incidents of every key in the batch. */
    private void lookUp(List<List<PreparedAlert>> requests) {
        for (List<PreparedAlert> request : requests) {
            for (PreparedAlert alert : request) {
                fingerprintsByKey.computeIfAbsent(alert.key(), key -> new HashSet<>()).add(alert.alert().fingerprint());
            }
        }
        if (rows.postgres()) {
            lookUpAtOnce();
            return;
        }
        List<String> keys = new ArrayList<>(fingerprintsByKey.keySet());
        List<String> fingerprints = fingerprintsByKey.values().stream().flatMap(Set::stream).distinct().toList();
        for (List<String> someKeys : chunks(keys)) {
            List<IncidentRows.OpenIncident> open = rows.openByKeys(someKeys);
            open.forEach(incident -> byKey.put(incident.key(), byId.computeIfAbsent(incident.id(),
                    id -> new TouchedIncident(id, incident.cardUpdatedAt(), this::store))));
            List<String> ids = open.stream().map(IncidentRows.OpenIncident::id).toList();
            for (List<String> someFingerprints : chunks(fingerprints)) {
                if (!ids.isEmpty()) {
                    rows.knownIn(ids, someFingerprints)
                            .forEach(known -> byId.get(known.incidentId()).known.put(known.fingerprint(), known.status()));
                }
            }
        }
        byId.values().forEach(incident -> incident.loaded = true);
    }

    /** {@link #lookUp} on PostgreSQL: the open incidents and what they know, in one statement. */
    private void lookUpAtOnce() {
        List<IncidentRows.LookedUp> found = rows.lookUp(fingerprintsByKey);
        for (IncidentRows.LookedUp row : found) {
            if (row.fingerprint() == null) {
                byKey.put(row.openKey(), byId.computeIfAbsent(row.id(), id -> new TouchedIncident(id, row.cardUpdatedAt(), this::store)));
            }
        }
        for (IncidentRows.LookedUp row : found) {
            if (row.fingerprint() != null) {
                byId.get(row.id()).known.put(row.fingerprint(), row.status());
            }
        }
        byId.values().forEach(incident -> incident.loaded = true);
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < items.size(); start += 500) {
            chunks.add(items.subList(start, Math.min(items.size(), start + 500)));
        }
        return chunks;
    }

    private Optional<String> apply(PreparedAlert prepared) {
        return prepared.alert().firing() ? Optional.of(fire(prepared)) : resolve(prepared);
    }

    private String fire(PreparedAlert prepared) {
        TouchedIncident incident = byKey.get(prepared.key());
        if (incident == null) {
            incident = reopenFlapping(prepared).orElse(null);
        }
        if (incident == null) {
            Optional<TouchedIncident> opened = open(prepared);
            if (opened.isPresent()) {
                return opened.get().id; // its first alert is written with it
            }
            incident = byKey.get(prepared.key()); // another replica opened it a moment ago: join it
        }
        incident.fire(prepared.alert());
        return incident.id;
    }

    private Optional<TouchedIncident> open(PreparedAlert prepared) {
        Optional<String> created = Opening.create(store(), rows, prepared, prepared.key(), null, now, settings.defaultChannel());
        if (created.isEmpty()) {
            IncidentRows.OpenIncident other = rows.openByKeys(List.of(prepared.key())).get(0);
            track(other.id(), other.key(), other.cardUpdatedAt());
            return Optional.empty();
        }
        String id = created.get();
        TouchedIncident incident = track(id, prepared.key(), null);
        incident.loaded = true; // new: the batch's other alerts of its key are new to it too
        incident.known.put(prepared.alert().fingerprint(), AlertStatus.FIRING);
        IncidentUpdate update = new IncidentUpdate(handle, now, settings.cardUpdateInterval(), store().find(id).orElseThrow());
        Alert alert = prepared.alert();
        update.record(TimelineEntry.BOT, new AlertFacts.Opened(alert.source(), alert.title(), prepared.classification().failureType(),
                prepared.classification().evidence()));
        if (prepared.lookupNote() != null) {
            update.record(TimelineEntry.BOT, new AlertFacts.NoRunbook(prepared.lookupNote()));
        }
        Opening.openThread(update);
        deliveriesDue = true;
        return Optional.of(incident);
    }

    /** Firing again within the flap window reopens the incident it resolved instead of opening a new one. */
    private Optional<TouchedIncident> reopenFlapping(PreparedAlert prepared) {
        return store().findRecentlyResolved(prepared.key(), now.minus(settings.flapWindow()))
                .filter(resolved -> store().reopen(resolved.id()) == 1)
                .map(resolved -> {
                    IncidentUpdate update = new IncidentUpdate(handle, now, settings.cardUpdateInterval(), resolved);
                    update.announce(TimelineEntry.BOT, new AlertFacts.Reopened(prepared.alert().title(),
                            Duration.between(resolved.resolvedAt(), now).toSeconds(), settings.flapWindow().toSeconds()));
                    TouchedIncident incident = byId.containsKey(resolved.id()) ? byId.get(resolved.id())
                            : track(resolved.id(), prepared.key(), resolved.thread().cardUpdatedAt());
                    byKey.put(prepared.key(), incident);
                    incident.cardChanged = true;
                    deliveriesDue = true;
                    return incident;
                });
    }

    private Optional<String> resolve(PreparedAlert prepared) {
        String fingerprint = prepared.alert().fingerprint();
        TouchedIncident incident = byKey.get(prepared.key());
        if (incident == null || incident.status(fingerprint) == null) {
            incident = store().openWithFingerprint(fingerprint).map(open -> byId.containsKey(open.id()) ? byId.get(open.id())
                    : track(open.id(), null, open.cardUpdatedAt())).orElse(null);
        }
        if (incident == null || incident.status(fingerprint) == null) {
            return Optional.empty(); // a resolve for an alert never seen (or already closed) opens nothing
        }
        incident.resolve(prepared.alert());
        if (incident.firing() == 0) {
            flush(incident); // the incident's own rows first: resolving reads them
            IncidentUpdate update = new IncidentUpdate(handle, now, settings.cardUpdateInterval(), store().find(incident.id).orElseThrow());
            if (Lifecycle.allAlertsResolved(update)) {
                byKey.values().remove(incident);
            }
            deliveriesDue = true;
        }
        return Optional.of(incident.id);
    }

    private TouchedIncident track(String id, String key, Instant cardUpdatedAt) {
        TouchedIncident incident = byId.computeIfAbsent(id, ignored -> new TouchedIncident(id, cardUpdatedAt, this::store));
        if (key != null) {
            byKey.put(key, incident);
            incident.load(fingerprintsByKey.getOrDefault(key, Set.of()));
        }
        return incident;
    }

    /** The batched writes: alerts, counts, the timeline in a person's words, one card redraw per incident. */
    private void flush() {
        flush(byId.values().stream().sorted(Comparator.comparing(incident -> incident.id)).toList());
    }

    private void flush(List<TouchedIncident> incidents) {
        writes.flush(incidents);
    }

    private void flush(TouchedIncident incident) {
        flush(List.of(incident));
    }
}
