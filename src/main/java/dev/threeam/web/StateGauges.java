package dev.threeam.web;

import dev.threeam.incident.IncidentService;
import dev.threeam.incident.IncidentStatus;
import dev.threeam.store.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * The gauges an SRE alerts on, read at each scrape: outbox depth, rows retrying after failures, the age of its oldest
 * waiting row, alerts waiting for the writer, and incidents by state.
 */
public final class StateGauges {

    private StateGauges() {}

    public static void register(MeterRegistry registry, Outbox outbox, IncidentService incidents, Clock clock) {
        Gauge.builder("threeam_outbox_depth", outbox, Outbox::pending)
                .description("outbox rows waiting to be delivered").register(registry);
        Gauge.builder("threeam_outbox_retrying", outbox, Outbox::retrying)
                .description("outbox rows waiting after failed tries (Slack or a pager answering 5xx, timing out)").register(registry);
        Gauge.builder("threeam_outbox_oldest_age_seconds", outbox, box -> box.oldestPending()
                        .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0).orElse(0.0))
                .description("age of the oldest waiting outbox row").register(registry);
        Gauge.builder("threeam_alert_queue_depth", incidents, IncidentService::alertsWaiting)
                .description("alerts accepted and not yet committed; at 20000 new ones are answered 503 + Retry-After").register(registry);
        for (IncidentStatus status : IncidentStatus.values()) {
            Gauge.builder("threeam_incidents", incidents, service -> service.countByStatus().get(status))
                    .tag("status", status.id()).description("incidents by state").register(registry);
        }
    }
}
