package dev.threeam.slack;

import dev.threeam.incident.Incident;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The card's message metadata ({@link SlackGateway#METADATA_EVENT}): the outbox row that posted it, which crash
 * recovery looks for, and the incident's state, so Slack workflows and other bots can read the card without parsing
 * it. Written with every post and redraw of the card; Slack takes no nulls, so a missing value is {@code ""}.
 */
final class CardState {

    private CardState() {}

    static Map<String, Object> of(ThreadContext thread, long outboxId) {
        Incident incident = thread.incident();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("outbox_id", outboxId);
        state.put("incident", incident.id());
        state.put("status", incident.status().id());
        state.put("failure_type", incident.type().id());
        state.put("workflow", incident.workflow() == null ? "" : incident.workflow());
        state.put("severity", incident.severity().id());
        state.put("owner", thread.ownerRole());
        state.put("owner_slack", thread.runbook().flatMap(book -> book.owner(thread.ownerRole()))
                .map(owner -> String.join(",", owner.slack())).orElse(""));
        state.put("acknowledged_by", incident.acknowledgedBy() == null ? "" : incident.acknowledgedBy());
        state.put("drill", incident.drill());
        return state;
    }
}
