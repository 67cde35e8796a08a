package dev.threeam.drill;

import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;
import dev.threeam.action.ActionLog;
import dev.threeam.classify.FailureType;
import dev.threeam.incident.AlertIngestor;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentLifecycle;
import dev.threeam.incident.IncidentStore;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxKind;
import dev.threeam.store.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Game-day drills: opens a drill incident for a workflow and failure type (the same card, changes, questions and
 * buttons as a real one, marked DRILL, with nothing paged or rolled back for real), and when it ends — resolved, or
 * past its time limit — scores the team and posts the scorecard in the thread.
 */
public final class DrillService {

    private final Jdbi jdbi;
    private final RunbookRegistry runbooks;
    private final AlertIngestor ingestor;
    private final IncidentLifecycle lifecycle;
    private final ActionLog actions;
    private final DrillThresholds thresholds;
    private final Clock clock;

    public DrillService(Jdbi jdbi, RunbookRegistry runbooks, AlertIngestor ingestor, IncidentLifecycle lifecycle, ActionLog actions,
            DrillThresholds thresholds, Clock clock) {
        this.jdbi = jdbi;
        this.runbooks = runbooks;
        this.ingestor = ingestor;
        this.lifecycle = lifecycle;
        this.actions = actions;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /** Starts a drill; bad names are refused saying which workflows and types exist. */
    public String start(String workflow, String failureType, String by) {
        Runbook runbook = runbooks.find(workflow == null ? "" : workflow).orElseThrow(() -> new BadInputException("workflow: no runbook answers to \""
                + workflow + "\"; known: " + String.join(", ", runbooks.all().stream().map(Runbook::workflow).toList())));
        FailureType type = FailureType.fromId(failureType).filter(t -> t != FailureType.UNCLASSIFIED)
                .orElseThrow(() -> new BadInputException("failure_type: expected one of " + String.join(", ",
                        java.util.Arrays.stream(FailureType.classified()).map(FailureType::id).toList()) + ", got \"" + failureType + "\""));
        return ingestor.openDrill(SyntheticAlerts.of(runbook, type, clock.instant()), type.id(), by);
    }

    /** Outbox handler: a drill ended; score it, keep the score, post the scorecard. */
    public void score(OutboxMessage row) {
        Incident incident = jdbi.withExtension(IncidentStore.class, store -> store.find(row.incidentId())).orElseThrow();
        DrillScorecard card = DrillScorecard.score(incident, jdbi.withExtension(IncidentStore.class, store -> store.answers(incident.id())),
                actions.forIncident(incident.id()), Optional.ofNullable(incident.workflow()).flatMap(runbooks::find), thresholds);
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO drills (incident_id, workflow, failure_type, started_at, ended_at, passed, scorecard)
                            VALUES (:id, :workflow, :type, :started, :ended, :passed, :scorecard)
                            ON CONFLICT (incident_id) DO NOTHING""")
                    .bind("id", incident.id()).bind("workflow", String.valueOf(incident.workflow())).bind("type", card.realType().id())
                    .bind("started", incident.openedAt()).bind("ended", incident.resolvedAt() != null ? incident.resolvedAt() : now)
                    .bind("passed", card.passed()).bind("scorecard", Json.write(Map.of("text", card.render(), "misses", card.misses())))
                    .execute();
            handle.attach(IncidentStore.class).addTimeline(incident.id(), now, "3am", "DRILL scorecard: " + (card.passed() ? "passed" : "not passed")
                    + (card.misses().isEmpty() ? "" : " — " + String.join("; ", card.misses())));
            Outbox.enqueue(handle, incident.id(), OutboxKind.POST_REPLY, Map.of("role", "notice", "text", card.render()), now);
        });
    }

    /** Ends every open drill older than the time limit (called periodically). */
    public void endExpired() {
        Instant before = clock.instant().minus(thresholds.timeLimit());
        for (Incident drill : jdbi.withExtension(IncidentStore.class, store -> store.openDrillsOpenedBefore(before))) {
            lifecycle.endDrill(drill.id(), "time limit of " + DrillScorecard.words(thresholds.timeLimit()) + " reached");
        }
    }
}
