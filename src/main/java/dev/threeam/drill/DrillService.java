package dev.threeam.drill;

import dev.threeam.action.ActionLog;
import dev.threeam.classify.FailureType;
import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;
import dev.threeam.incident.Deliveries;
import dev.threeam.incident.DeliveryFacts;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.Outcome;
import dev.threeam.incident.TimelineEntry;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.store.DeliveryException;
import dev.threeam.store.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Game-day drills: opens a drill incident for a workflow and failure type (the same card, changes, questions and
 * buttons as a real one, marked DRILL, with nothing paged or rolled back for real), and when it ends — resolved, or
 * past its time limit — scores the team and posts the scorecard in the thread.
 */
public final class DrillService {

    private final IncidentService incidents;
    private final RunbookRegistry runbooks;
    private final ActionLog actions;
    private final DrillThresholds thresholds;
    private final Clock clock;

    public DrillService(IncidentService incidents, RunbookRegistry runbooks, ActionLog actions, DrillThresholds thresholds, Clock clock) {
        this.incidents = incidents;
        this.runbooks = runbooks;
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
                        Arrays.stream(FailureType.classified()).map(FailureType::id).toList()) + ", got \"" + failureType + "\""));
        return incidents.openDrill(SyntheticAlerts.of(runbook, type, clock.instant()), type, by);
    }

    /** Outbox handler: a drill ended; score it, keep the score, post the scorecard. */
    public void score(OutboxMessage row, Deliveries.ScoreDrill request) {
        Incident incident = incidents.find(row.incidentId()).orElseThrow(() -> DeliveryException.permanent("incident_not_found",
                "unknown incident " + row.incidentId()));
        DrillScorecard card = DrillScorecard.score(incident, List.copyOf(incidents.answers(incident.id()).values()),
                actions.forIncident(incident.id()), Optional.ofNullable(incident.workflow()).flatMap(runbooks::find), thresholds);
        incidents.update(incident.id(), update -> {
            Instant now = update.now();
            update.attach(DrillStore.class).add(incident.id(), String.valueOf(incident.workflow()), card.realType().id(),
                    incident.openedAt(), incident.resolvedAt() != null ? incident.resolvedAt() : now, card.passed(),
                    Json.write(Map.of("text", card.render().plain(), "misses", card.misses())));
            update.announce(TimelineEntry.BOT, new DeliveryFacts.DrillScored(card.passed(), card.misses(), card.render()));
            return Outcome.done("scored");
        });
    }

    /** Ends every open drill older than the time limit (called periodically). */
    public void endExpired() {
        Instant before = clock.instant().minus(thresholds.timeLimit());
        for (Incident drill : incidents.openDrillsOpenedBefore(before)) {
            incidents.endDrill(drill.id(), "time limit of " + DrillScorecard.words(thresholds.timeLimit()) + " reached");
        }
    }
}
