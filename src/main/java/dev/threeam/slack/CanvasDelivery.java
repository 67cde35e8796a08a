package dev.threeam.slack;

import dev.threeam.common.Text;
import dev.threeam.incident.CanvasFacts;
import dev.threeam.incident.Deliveries;
import dev.threeam.incident.Fact;
import dev.threeam.incident.Incident;
import dev.threeam.incident.Outcome;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.TimelineEntry;
import dev.threeam.review.Postmortem;
import dev.threeam.store.DeliveryException;
import dev.threeam.store.OutboxMessage;
import java.util.Map;

/**
 * The postmortem where the team is: a Slack canvas written from the same draft as {@code postmortem.md}
 * ({@code canvases.create}), readable by the incident's channel ({@code canvases.access.set}), announced in the thread
 * with its link. When the workspace will not have canvases (a free plan's one tab, canvases turned off, a missing
 * scope), the thread gets the draft's link instead, saying why. Slack failing for a while is retried like any delivery.
 */
public final class CanvasDelivery {

    /** What Slack's refusals mean, said to the thread; any other permanent error is named as it is. */
    private static final Map<String, String> REFUSALS = Map.of(
            "free_team_canvas_tab_already_exists", "this free workspace allows one canvas per channel and the channel has one",
            "canvas_disabled", "canvases are turned off in this workspace",
            "canvas_disabled_user_team", "canvases are turned off in this workspace",
            "team_tier_cannot_create_canvases", "this workspace's plan cannot create canvases",
            "not_allowed", "the workspace does not allow this app to create canvases",
            "restricted_action", "a workspace admin restricted who may create canvases",
            "missing_scope", "the app lacks the canvases:write scope (reinstall it from manifest.yml)",
            "canvas_creation_failed", "Slack could not create the canvas");

    private final IncidentService incidents;
    private final Postmortem postmortem;
    private final SlackGateway slack;
    private final SlackHealth health;
    private final String publicUrl;

    public CanvasDelivery(IncidentService incidents, Postmortem postmortem, SlackGateway slack, SlackHealth health, String publicUrl) {
        this.incidents = incidents;
        this.postmortem = postmortem;
        this.slack = slack;
        this.health = health;
        this.publicUrl = publicUrl;
    }

    public void post(OutboxMessage row, Deliveries.PostCanvas request) {
        if (!health.mayCall()) {
            throw DeliveryException.waitFor(SlackHealth.TOKEN_WAIT, "Slack refuses the bot token; waiting for a working SLACK_BOT_TOKEN");
        }
        Incident incident = incidents.find(row.incidentId()).orElseThrow(() -> DeliveryException.permanent(
                "incident_not_found", "outbox row " + row.id() + " names unknown incident " + row.incidentId()));
        String draft = postmortem.draft(incident.id()).orElseThrow();
        String draftUrl = publicUrl + "/api/incidents/" + incident.id() + "/postmortem.md";
        Fact result;
        try {
            // created once: a retry after a failed share shares the same canvas (only a crash between Slack's answer and
            // this record can leave a second one)
            String canvas = incidents.pendingCanvas(incident.id()).orElse(null);
            if (canvas == null) {
                canvas = slack.createCanvas(Text.shorten((incident.drill() ? "DRILL " : "") + "Postmortem " + incident.id() + ": "
                        + incident.title(), 250), draft);
                incidents.record(incident.id(), TimelineEntry.BOT, new CanvasFacts.CanvasCreated(canvas));
            }
            slack.shareCanvas(canvas, incident.channel());
            result = new CanvasFacts.CanvasShared(canvas, link(canvas), request.by());
        } catch (SlackCallException e) {
            result = switch (e.kind()) {
                case RATE_LIMITED -> throw DeliveryException.waitFor(e.retryAfter(), e.getMessage());
                case TRANSIENT -> throw DeliveryException.transientFailure("transient", e.getMessage());
                case TOKEN_REFUSED -> throw DeliveryException.waitFor(SlackHealth.TOKEN_WAIT, e.getMessage());
                case NOT_IN_CHANNEL, PERMANENT -> new CanvasFacts.CanvasRefused(e.error(),
                        REFUSALS.getOrDefault(e.error(), "Slack refused the call"), draftUrl, request.by());
            };
        }
        Fact said = result;
        incidents.update(incident.id(), update -> {
            update.announce(TimelineEntry.BOT, said);
            return Outcome.done("");
        });
    }

    /** The canvas's address; without it the notice names the canvas (it is in the channel's canvases either way). */
    private String link(String canvas) {
        try {
            return slack.canvasUrl(canvas).orElse(null);
        } catch (SlackCallException e) {
            return null;
        }
    }
}
