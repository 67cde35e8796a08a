package dev.threeam.slack;

import dev.threeam.incident.DeliveryFacts;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.TimelineEntry;
import dev.threeam.store.DeliveryException;
import dev.threeam.store.OutboxMessage;

/**
 * A delivery that failed for good (channel_not_found, invalid_blocks, a pager's 400) is written on its incident's
 * timeline, so the API, the postmortem and {@code /readyz} show it. The alert itself is never lost: it is stored.
 */
public final class DeliveryFailures {

    private final IncidentService incidents;

    public DeliveryFailures(IncidentService incidents) {
        this.incidents = incidents;
    }

    public void record(OutboxMessage message, DeliveryException failure) {
        if (message.incidentId() == null || failure.code().equals(SlackDelivery.CARD_NOT_POSTED)) {
            return;
        }
        incidents.record(message.incidentId(), TimelineEntry.BOT,
                new DeliveryFacts.DeliveryFailed(message.kind().id().replace('_', ' '), failure.getMessage()));
    }
}
