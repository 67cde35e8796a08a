package dev.threeam.incident;

import dev.threeam.common.Json;
import dev.threeam.common.Mrkdwn;
import dev.threeam.alert.Alert;
import dev.threeam.classify.Classification;
import dev.threeam.classify.Classifier;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.runbook.WorkflowMatch;
import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Turns accepted alerts into incidents: finds each alert's workflow and failure type, then in ONE transaction
 * joins it to the open incident with the same key (or reopens one resolved within the flap window, or opens a
 * new one), records the alert, the timeline and the outbox rows. Nothing here waits on Slack.
 */
public final class AlertIngestor implements AutoCloseable {

    /** The thread under a new card, in order: what changed, the runbook, then the five questions. */
    public static final List<String> THREAD_ROLES = List.of("changes", "runbook", "q1", "q2", "q3", "q4", "q5");

    private final Jdbi jdbi;
    private final RunbookRegistry runbooks;
    private final Classifier classifier;
    private final Clock clock;
    private final IncidentSettings settings;
    private final GroupCommit<PreparedAlert> commits;

    public AlertIngestor(Jdbi jdbi, RunbookRegistry runbooks, Classifier classifier, Clock clock, IncidentSettings settings) {
        this.jdbi = jdbi;
        this.runbooks = runbooks;
        this.classifier = classifier;
        this.clock = clock;
        this.settings = settings;
        this.commits = new GroupCommit<>("alerts", this::write);
    }

    /**
     * Writes the alerts and answers once they are committed. Concurrent calls share one transaction
     * ({@link GroupCommit}); classification happens first, on the caller's thread.
     */
    public IngestResult ingest(List<Alert> alerts) {
        List<PreparedAlert> prepared = alerts.stream().map(this::prepare).toList();
        return new IngestResult(alerts.size(), new ArrayList<>(commits.submit(prepared)));
    }

    private List<Set<String>> write(List<List<PreparedAlert>> requests) {
        Instant now = clock.instant();
        return Retry.onConflict(() -> jdbi.inTransaction(handle -> {
            Journal journal = new Journal(handle, now, settings.cardUpdateInterval());
            List<Set<String>> results = new ArrayList<>();
            for (List<PreparedAlert> request : requests) {
                Set<String> touched = new LinkedHashSet<>();
                for (PreparedAlert alert : request) {
                    apply(journal, alert).ifPresent(touched::add);
                }
                results.add(touched);
            }
            return results;
        }));
    }

    @Override
    public void close() {
        commits.close();
    }

    PreparedAlert prepare(Alert alert) {
        WorkflowMatch match = runbooks.match(alert);
        Runbook runbook = match.runbook().orElse(null);
        String workflow = runbook != null ? runbook.workflow() : alert.workflow();
        return new PreparedAlert(alert, runbook, workflow,
                () -> classifier.classify(alert, dev.threeam.runbook.WorkflowMatcher.context(runbook)),
                runbook == null ? match.explanation() : null);
    }

    private Optional<String> apply(Journal journal, PreparedAlert prepared) {
        return prepared.alert().firing() ? Optional.of(fire(journal, prepared)) : resolve(journal, prepared);
    }

    private String fire(Journal journal, PreparedAlert prepared) {
        IncidentStore store = journal.store();
        Alert alert = prepared.alert();
        // the hot path of a storm: read only what it needs (two columns, one status), write three rows
        Optional<IncidentStore.OpenIncident> open = store.findOpenIncident(prepared.key())
                .or(() -> reopenFlapping(journal, prepared).map(i -> new IncidentStore.OpenIncident(i.id(), i.cardUpdatedAt())));
        if (open.isEmpty()) {
            return open(journal, prepared);
        }
        String id = open.get().id();
        store.countAlerts(id, 1, journal.now());
        Optional<String> known = store.alertStatus(id, alert.fingerprint());
        if (known.isEmpty()) {
            store.insertAlert(row(id, alert, journal.now()));
            journal.log(id, TimelineEntry.BOT, "Alert \"" + Mrkdwn.escape(alert.title(), 300) + "\" joined the incident");
        } else {
            store.updateAlert(id, alert.fingerprint(), "firing", 1, journal.now());
            if (known.get().equals("resolved")) {
                journal.log(id, TimelineEntry.BOT, "Alert \"" + Mrkdwn.escape(alert.title(), 300) + "\" fired again");
            }
        }
        journal.cardChanged(id, open.get().cardUpdatedAt());
        return id;
    }

    /** Firing again within the flap window reopens the incident it resolved instead of opening a new one. */
    private Optional<Incident> reopenFlapping(Journal journal, PreparedAlert prepared) {
        IncidentStore store = journal.store();
        Instant since = journal.now().minus(settings.flapWindow());
        return store.findRecentlyResolved(prepared.key(), since).filter(incident -> store.reopen(incident.id()) == 1)
                .map(incident -> {
                    journal.log(incident.id(), TimelineEntry.BOT, "Reopened: \"" + Mrkdwn.escape(prepared.alert().title(), 300)
                            + "\" fired again " + minutes(Duration.between(incident.resolvedAt(), journal.now()))
                            + " after resolution (flap window " + minutes(settings.flapWindow()) + ")");
                    journal.notice(incident.id(), ":repeat: Reopened: the alert fired again within the flap window.");
                    return store.find(incident.id()).orElseThrow();
                });
    }

    private String open(Journal journal, PreparedAlert prepared) {
        Alert alert = prepared.alert();
        Classification classification = prepared.classification();
        String id = create(journal, prepared, seq -> prepared.key(), null);
        journal.log(id, TimelineEntry.BOT, "Opened from " + alert.source() + " alert \"" + Mrkdwn.escape(alert.title(), 300)
                + "\"; classified as " + classification.failureType().id() + " (" + Mrkdwn.escape(classification.evidence(), 500) + ")");
        if (prepared.lookupNote() != null) {
            journal.log(id, TimelineEntry.BOT, "No runbook matched: " + Mrkdwn.escape(prepared.lookupNote(), 500));
        }
        openThread(journal, id);
        return id;
    }

    /**
     * Opens a drill: a synthetic alert for {@code workflow}, classified like a real one, on an incident of its
     * own (never merged with a real one) that remembers the failure type it really plays.
     */
    public String openDrill(Alert synthetic, String realType, String declaredBy) {
        PreparedAlert prepared = prepare(synthetic);
        return jdbi.inTransaction(handle -> {
            Journal journal = new Journal(handle, clock.instant(), settings.cardUpdateInterval());
            String id = create(journal, prepared, seq -> IncidentKey.drill(prepared.workflow(), realType, seq), realType);
            journal.log(id, declaredBy, "DRILL started by " + Mrkdwn.user(declaredBy) + " for " + Mrkdwn.escape(prepared.workflow())
                    + ": a synthetic alert \"" + Mrkdwn.escape(synthetic.title(), 300) + "\"; classified as "
                    + prepared.classification().failureType().id() + ". Nothing will be paged or rolled back for real.");
            openThread(journal, id);
            return id;
        });
    }

    /**
     * Writes a new incident and its first alert, in the runbook's channel (else the default one). A drill
     * ({@code drillType} set) keeps the failure type it really plays and a key no real alert can share.
     */
    private String create(Journal journal, PreparedAlert prepared, java.util.function.LongFunction<String> key, String drillType) {
        IncidentStore store = journal.store();
        Alert alert = prepared.alert();
        long seq = store.nextSequence();
        String id = "INC-" + seq;
        Classification classification = prepared.classification();
        String channel = Optional.ofNullable(prepared.runbook()).map(Runbook::channel).filter(c -> !c.isBlank())
                .orElse(settings.defaultChannel());
        String incidentKey = key.apply(seq);
        Incident incident = new Incident(id, seq, incidentKey, alert.title(), prepared.workflow(),
                classification.failureType().id(), classification.evidence(), classification.confidence(),
                alert.severity(), IncidentStatus.TRIGGERED.id(), drillType != null, null, 1, journal.now(), null, null, null,
                journal.now(), channel, null, null, null, null, prepared.lookupNote(), drillType);
        store.insert(incident, incidentKey);
        store.insertAlert(row(id, alert, journal.now()));
        return id;
    }

    /** The card, then the thread under it. Shared with incidents declared by hand and drills. */
    static void openThread(Journal journal, String incidentId) {
        journal.enqueue(incidentId, OutboxKind.POST_CARD, Map.of());
        for (String role : THREAD_ROLES) {
            journal.reply(incidentId, role, Map.of());
        }
    }

    private Optional<String> resolve(Journal journal, PreparedAlert prepared) {
        IncidentStore store = journal.store();
        Alert alert = prepared.alert();
        Optional<IncidentAlert> known = store.findOpen(prepared.key())
                .flatMap(incident -> store.alert(incident.id(), alert.fingerprint()))
                .or(() -> store.openAlertByFingerprint(alert.fingerprint()));
        if (known.isEmpty()) {
            return Optional.empty(); // a resolve for an alert never seen (or already closed) opens nothing
        }
        Incident incident = store.find(known.get().incidentId()).orElseThrow();
        store.updateAlert(incident.id(), alert.fingerprint(), "resolved", 0, journal.now());
        if (known.get().status().equals("firing")) {
            journal.log(incident.id(), TimelineEntry.BOT, "Alert \"" + Mrkdwn.escape(alert.title(), 300) + "\" resolved at the source");
        }
        if (store.firingAlerts(incident.id()) == 0) {
            IncidentLifecycle.allAlertsResolved(journal, incident);
        }
        journal.cardChanged(incident);
        return Optional.of(incident.id());
    }

    private static IncidentAlert row(String incidentId, Alert alert, Instant now) {
        return new IncidentAlert(incidentId, alert.fingerprint(), alert.source(), alert.status().id(), alert.title(),
                Json.write(alert.labels()), 1, now, now);
    }

    static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 1 ? duration.toSeconds() + " s" : minutes + " min";
    }
}
