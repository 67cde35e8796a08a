package dev.threeam.slack;

import dev.threeam.common.Mrkdwn;
import dev.threeam.incident.IncidentStore;
import dev.threeam.store.DeliveryException;
import dev.threeam.store.OutboxMessage;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * A delivery that failed for good (channel_not_found, invalid_blocks, a pager's 400) is written on its incident's
 * timeline, so the API, the postmortem and {@code /readyz} show it. The alert itself is never lost: it is stored.
 */
public final class DeliveryFailures {

    private final Jdbi jdbi;
    private final Clock clock;

    public DeliveryFailures(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void record(OutboxMessage message, DeliveryException failure) {
        if (message.incidentId() == null || failure.code().equals(SlackDelivery.CARD_NOT_POSTED)) {
            return;
        }
        jdbi.useExtension(IncidentStore.class, store -> store.addTimeline(message.incidentId(), clock.instant(), "3am",
                "Delivery failed for good (" + message.kind().replace('_', ' ') + "): " + Mrkdwn.escape(failure.getMessage(), 500)));
    }
}
