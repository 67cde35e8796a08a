package dev.threeam.web;

import dev.threeam.incident.IncidentStatus;
import dev.threeam.store.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * The gauges an SRE alerts on, read from the database at each scrape: outbox depth and the age of its oldest
 * waiting row, and incidents by state.
 */
public final class StateGauges {

    private StateGauges() {}

    public static void register(MeterRegistry registry, Outbox outbox, Jdbi jdbi, Clock clock) {
        Gauge.builder("threeam_outbox_depth", outbox, Outbox::pending)
                .description("outbox rows waiting to be delivered").register(registry);
        Gauge.builder("threeam_outbox_oldest_age_seconds", outbox, box -> box.oldestPending()
                        .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0).orElse(0.0))
                .description("age of the oldest waiting outbox row").register(registry);
        for (IncidentStatus status : IncidentStatus.values()) {
            Gauge.builder("threeam_incidents", jdbi, db -> db.withHandle(handle -> handle
                            .createQuery("SELECT COUNT(*) FROM incidents WHERE status = :status")
                            .bind("status", status.id()).mapTo(Long.class).one()))
                    .tag("status", status.id()).description("incidents by state").register(registry);
        }
    }
}
