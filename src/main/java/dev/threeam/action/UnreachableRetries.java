package dev.threeam.action;

import dev.threeam.incident.ActionFacts;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.Outcome;
import dev.threeam.incident.TimelineEntry;
import dev.threeam.store.DeliveryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A service that did not answer for an action (5xx, a timeout, not reached): the thread hears so once, the outbox
 * retries with backoff for {@code retryFor}, then the action is given up and reported failed.
 */
final class UnreachableRetries {

    private final Jdbi jdbi;
    private final IncidentService incidents;
    private final Clock clock;
    private final Duration retryFor;

    UnreachableRetries(Jdbi jdbi, IncidentService incidents, Clock clock, Duration retryFor) {
        this.jdbi = jdbi;
        this.incidents = incidents;
        this.clock = clock;
        this.retryFor = retryFor;
    }

    /**
     * {@code service} did not answer for action {@code key}. The first time the thread hears so; the call is retried
     * with backoff (this throws a transient failure) until {@code retryFor} has passed since, then given up: the
     * answer is what to report as the failure.
     */
    String retryOrGiveUp(String incidentId, String key, String service, String action, String detail) {
        Instant now = clock.instant();
        Optional<Instant> since = jdbi.withExtension(ActionStore.class, store -> store.retryingSince(key));
        if (since.isEmpty()) {
            incidents.update(incidentId, update -> {
                if (update.attach(ActionStore.class).startRetrying(key, update.now()) == 1) {
                    update.announce(TimelineEntry.BOT, new ActionFacts.ServiceUnreachable(service, action, detail));
                }
                return Outcome.done("retrying");
            });
        } else if (!since.get().plus(retryFor).isAfter(now)) {
            return "gave up after " + spoken(retryFor) + " of retries: " + detail;
        }
        throw DeliveryException.transientFailure(service + "_unreachable", ActionFacts.serviceName(service) + " not reachable: " + detail);
    }

    private static String spoken(Duration duration) {
        return duration.toSecondsPart() == 0 && duration.toMinutes() > 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
