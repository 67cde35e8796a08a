package dev.threeam.slack;

import dev.threeam.action.ActionLog;
import dev.threeam.change.ChangeRanker;
import dev.threeam.change.ChangeService;
import dev.threeam.change.RankedChange;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads what a message of an incident shows, at the moment it is sent (so a late message shows the latest state). */
public final class ThreadContextLoader {

    public static final int CHANGES_SHOWN = 5;

    private final IncidentService incidents;
    private final RunbookRegistry runbooks;
    private final ChangeService changes;
    private final ChangeRanker ranker;
    private final ActionLog actions;
    private final SlackNames names;
    private final Clock clock;

    public ThreadContextLoader(IncidentService incidents, RunbookRegistry runbooks, ChangeService changes, ChangeRanker ranker,
            ActionLog actions, SlackNames names, Clock clock) {
        this.incidents = incidents;
        this.runbooks = runbooks;
        this.changes = changes;
        this.ranker = ranker;
        this.actions = actions;
        this.names = names;
        this.clock = clock;
    }

    public Optional<ThreadContext> load(String incidentId) {
        return incidents.find(incidentId).map(this::load);
    }

    public ThreadContext load(Incident incident) {
        Optional<Runbook> runbook = Optional.ofNullable(incident.workflow()).flatMap(runbooks::find);
        List<RankedChange> recent = List.of();
        if (incident.workflow() != null) {
            Duration window = runbook.map(Runbook::changesWindow).orElse(Runbook.DEFAULT_CHANGES_WINDOW);
            // changes are ranked as of the incident's opening, so the list does not shift under the on-call
            recent = ranker.rank(changes.recent(incident.workflow(), window, incident.openedAt()), incident.type(),
                    incident.openedAt(), CHANGES_SHOWN);
        }
        return new ThreadContext(incident, runbook, incidents.answers(incident.id()), recent, actions.forIncident(incident.id()),
                clock.instant(), SlackText.forIncident(incident, names));
    }
}
