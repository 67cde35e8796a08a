package dev.threeam.incident;

import dev.threeam.alert.Alert;
import dev.threeam.classify.Classification;
import dev.threeam.classify.FailureType;
import dev.threeam.common.Json;
import dev.threeam.runbook.Runbook;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Writes a new incident with its first alert, and asks for its card and thread. Shared by alerts, drills and hand declarations. */
final class Opening {

    private Opening() {}

    /**
     * The new incident's id, or empty when another writer (a replica, at the same moment) already holds {@code key}
     * open: then the caller joins that one. A drill ({@code drillType} set) keeps the type it really plays.
     */
    static Optional<String> create(IntakeStore store, BatchStatements rows, PreparedAlert prepared, String key, FailureType drillType, Instant now,
            String defaultChannel) {
        Alert alert = prepared.alert();
        long seq = store.nextSequence();
        String id = "INC-" + seq;
        Classification classification = prepared.classification();
        String channel = Optional.ofNullable(prepared.runbook()).map(Runbook::channel).filter(c -> !c.isBlank()).orElse(defaultChannel);
        int written = store.insert(id, seq, key, key, alert.title(), prepared.workflow(), classification.failureType().id(),
                classification.evidence(), classification.confidence(), classification.runnerUp().map(FailureType::id).orElse(null),
                classification.lead(), Json.write(alert), alert.severity().id(), drillType != null,
                drillType == null ? null : drillType.id(), now, channel, prepared.lookupNote());
        if (written == 0) {
            return Optional.empty();
        }
        rows.write(List.of(new BatchStatements.AlertRow(id, alert.fingerprint(), alert.source(), alert.status().id(), alert.title(),
                Json.write(alert.labels()), 1)), List.of(), now);
        return Optional.of(id);
    }

    /** The card, then the thread under it. */
    static void openThread(IncidentUpdate update) {
        update.deliver(new Deliveries.PostCard());
        ThreadPart.OPENING.forEach(update::post);
    }
}
