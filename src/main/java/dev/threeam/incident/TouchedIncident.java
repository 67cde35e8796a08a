package dev.threeam.incident;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An incident an {@link AlertBatch} touches: what its alerts were, and what the batch changes, not yet written. */
final class TouchedIncident {
    final String id;
    final Instant cardUpdatedAt;
    private final java.util.function.Supplier<IntakeStore> store;
    final Map<String, AlertStatus> known = new HashMap<>();
    final Map<String, Change> changes = new LinkedHashMap<>();
    final List<String> firedAgain = new ArrayList<>();
    long received;
    long joined;
    String firstJoined;
    long resolved;
    String firstResolved;
    boolean cardChanged;
    /** The batch's fingerprints of its key were looked up at the start: a fingerprint not known is new. */
    boolean loaded;
    private Integer firingStored;

    TouchedIncident(String id, Instant cardUpdatedAt, java.util.function.Supplier<IntakeStore> store) {
        this.id = id;
        this.cardUpdatedAt = cardUpdatedAt;
        this.store = store;
    }

    /** What the database knows of these fingerprints in this incident (one query). */
    void load(Set<String> fingerprints) {
        List<String> unknown = fingerprints.stream().filter(fingerprint -> !known.containsKey(fingerprint)).toList();
        for (int start = 0; start < unknown.size(); start += 500) {
            store.get().known(id, unknown.subList(start, Math.min(unknown.size(), start + 500)))
                    .forEach(alert -> known.put(alert.fingerprint(), alert.status()));
        }
    }

    AlertStatus status(String fingerprint) {
        Change change = changes.get(fingerprint);
        if (change != null) {
            return change.status;
        }
        if (!loaded && !known.containsKey(fingerprint)) {
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
            firingStored = store.get().firingAlerts(id);
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


    /** What this batch received of one fingerprint. */
    static final class Change {
        final Alert alert;
        AlertStatus status;
        long received;

        Change(Alert alert) {
            this.alert = alert;
        }
    }
}
