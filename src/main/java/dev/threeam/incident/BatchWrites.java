package dev.threeam.incident;

import dev.threeam.common.Json;
import dev.threeam.store.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The writes at the end of an {@link AlertBatch}, each one statement for all the incidents it touched (a JDBC batch,
 * rewritten into multi-row statements on PostgreSQL): the alerts, the counts, the timeline as a person reads a storm,
 * and the card redraws.
 */
final class BatchWrites {

    private final Handle handle;
    private final BatchStatements store;
    private final Outbox.Writer outbox;
    private final Instant now;
    private final Duration cardInterval;

    BatchWrites(Handle handle, BatchStatements store, Outbox.Writer outbox, Instant now, Duration cardInterval) {
        this.handle = handle;
        this.store = store;
        this.outbox = outbox;
        this.now = now;
        this.cardInterval = cardInterval;
    }

    /** Each kind of write is one statement for all the incidents (a batch, multi-row on PostgreSQL). */
    void flush(List<TouchedIncident> incidents) {
        List<BatchStatements.AlertRow> alerts = new ArrayList<>();
        List<BatchStatements.Count> counts = new ArrayList<>();
        List<TouchedIncident> joined = new ArrayList<>();
        List<TouchedIncident> redrawn = new ArrayList<>();
        for (TouchedIncident incident : incidents) {
            incident.changes.forEach((fingerprint, change) -> alerts.add(new BatchStatements.AlertRow(incident.id, fingerprint,
                    change.alert.source(), change.status.id(), change.alert.title(), Json.write(change.alert.labels()), change.received)));
            incident.written();
            if (incident.received > 0) {
                counts.add(new BatchStatements.Count(incident.id, incident.received));
                incident.received = 0;
            }
            if (incident.joined > 0) {
                joined.add(incident);
            }
            for (String title : incident.firedAgain) {
                Timeline.add(handle, incident.id, now, TimelineEntry.BOT, new AlertFacts.AlertFiredAgain(title));
            }
            incident.firedAgain.clear();
            if (incident.resolved > 0) {
                Timeline.add(handle, incident.id, now, TimelineEntry.BOT,
                        new AlertFacts.AlertsResolved(incident.resolved, incident.firstResolved));
                incident.resolved = 0;
                incident.firstResolved = null;
            }
            if (incident.cardChanged) {
                redrawn.add(incident);
                incident.cardChanged = false;
            }
        }
        store.write(alerts, counts, now);
        joined(joined);
        if (!redrawn.isEmpty()) {
            outbox.redrawCards(redrawn.stream().map(incident -> incident.id).toList(),
                    redrawn.stream().map(incident -> incident.cardUpdatedAt).toList(), now);
        }
    }

    /** New alerts joined: one entry per incident per card interval, grown in place while the storm lasts. */
    private void joined(List<TouchedIncident> incidents) {
        if (incidents.isEmpty()) {
            return;
        }
        TimelineStore timeline = handle.attach(TimelineStore.class); // only batches with new alerts need it
        Map<String, TimelineEntry> recent = new HashMap<>();
        for (TimelineEntry entry : timeline.latestOfKind(incidents.stream().map(incident -> incident.id).toList(),
                Timeline.kind(AlertFacts.AlertsJoined.class), now.minus(cardInterval))) {
            recent.merge(entry.incidentId(), entry, (a, b) -> a.id() > b.id() ? a : b);
        }
        List<TimelineEntry> grown = new ArrayList<>();
        List<Fact> grownTo = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        List<Fact> freshFacts = new ArrayList<>();
        for (TouchedIncident incident : incidents) {
            TimelineEntry earlier = recent.get(incident.id);
            if (earlier != null && earlier.fact() instanceof AlertFacts.AlertsJoined joined) {
                grown.add(earlier);
                grownTo.add(joined.plus(incident.joined));
            } else {
                fresh.add(incident.id);
                freshFacts.add(new AlertFacts.AlertsJoined(incident.joined, incident.firstJoined));
            }
            incident.joined = 0;
            incident.firstJoined = null;
        }
        Timeline.rewriteAll(timeline, grown, grownTo);
        Timeline.addAll(timeline, fresh, now, TimelineEntry.BOT, freshFacts);
    }
}
