package dev.threeam.incident;

import dev.threeam.alert.Alert;
import dev.threeam.classify.Classifier;
import dev.threeam.classify.FailureType;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.runbook.WorkflowMatch;
import dev.threeam.runbook.WorkflowMatcher;
import dev.threeam.store.WriterFirst;
import dev.threeam.store.Conflicts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;

/**
 * Turns accepted alerts into incidents. Each alert's workflow and key are found on the caller's thread; then
 * concurrent requests share one transaction ({@link GroupCommit}) in which {@link AlertBatch} joins each alert to the
 * open incident of its key (or reopens one resolved within the flap window, or opens a new one). Each caller is
 * answered once its own alerts are committed. Nothing here waits on Slack.
 */
final class AlertIntake implements AutoCloseable {

    private final Jdbi jdbi;
    private final RunbookRegistry runbooks;
    private final Classifier classifier;
    private final Clock clock;
    private final IncidentSettings settings;
    private final GroupCommit<PreparedAlert, AlertBatch.Written> commits;
    /** Whether the database is PostgreSQL: asked of the first connection that needs to know (any thread gets the same answer). */
    private volatile Boolean postgres;

    AlertIntake(Jdbi jdbi, RunbookRegistry runbooks, Classifier classifier, Clock clock, IncidentSettings settings, WriterFirst writerFirst) {
        this.jdbi = jdbi;
        this.runbooks = runbooks;
        this.classifier = classifier;
        this.clock = clock;
        this.settings = settings;
        this.commits = new GroupCommit<>("alerts", requests -> Conflicts.retry(() -> jdbi.inTransaction(handle ->
                AlertBatch.write(handle, postgres(handle), clock.instant(), settings, requests))), GroupCommit.CAPACITY, writerFirst);
    }

    private boolean postgres(org.jdbi.v3.core.Handle handle) {
        if (postgres == null) {
            postgres = dev.threeam.store.Database.postgres(handle);
        }
        return postgres;
    }

    IngestResult ingest(List<Alert> alerts) {
        return result(alerts, commits.submit(prepared(alerts)));
    }

    /** As {@link #ingest}, without waiting: the future completes on an answer thread once the alerts are committed. */
    CompletableFuture<IngestResult> ingestAsync(List<Alert> alerts) {
        return commits.submitAsync(prepared(alerts)).thenApply(written -> result(alerts, written));
    }

    /** Alerts accepted by the HTTP edge and not yet committed; at {@link GroupCommit#CAPACITY} senders get 503. */
    int waiting() {
        return commits.waiting();
    }

    private List<PreparedAlert> prepared(List<Alert> alerts) {
        return alerts.stream().map(this::prepare).toList();
    }

    private static IngestResult result(List<Alert> alerts, AlertBatch.Written written) {
        return new IngestResult(alerts.size(), new ArrayList<>(written.incidents()), written.deliveriesDue());
    }

    /**
     * Opens a drill: a synthetic alert for a workflow, classified like a real one, on an incident of its own (never
     * merged with a real one) that remembers the failure type it really plays.
     */
    String openDrill(Alert synthetic, FailureType realType, String declaredBy) {
        PreparedAlert prepared = prepare(synthetic);
        return jdbi.inTransaction(handle -> {
            IntakeStore store = handle.attach(IntakeStore.class);
            String key = IncidentKey.drill(prepared.workflow(), realType.id(), java.util.UUID.randomUUID().toString());
            String id = Opening.create(store, new BatchStatements(handle, postgres(handle)), prepared, key, realType, clock.instant(), settings.defaultChannel()).orElseThrow();
            IncidentUpdate update = new IncidentUpdate(handle, clock.instant(), settings.cardUpdateInterval(), store.find(id).orElseThrow());
            update.record(declaredBy, new AlertFacts.DrillStarted(declaredBy, prepared.workflow(), synthetic.title(),
                    prepared.classification().failureType()));
            Opening.openThread(update);
            return id;
        });
    }

    private PreparedAlert prepare(Alert alert) {
        WorkflowMatch match = runbooks.match(alert);
        Runbook runbook = match.runbook().orElse(null);
        String workflow = runbook != null ? runbook.workflow() : alert.workflow();
        return new PreparedAlert(alert, runbook, workflow,
                () -> classifier.classify(alert, WorkflowMatcher.context(runbook)),
                runbook == null ? match.explanation() : null);
    }

    @Override
    public void close() {
        commits.close();
    }
}
