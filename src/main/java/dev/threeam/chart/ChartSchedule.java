package dev.threeam.chart;

import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentAlert;
import dev.threeam.incident.IncidentService;
import dev.threeam.signal.SignalWatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When an incident 3am raised from telemetry (an alert of source {@code otel}) gets a chart of its signal: at once
 * when it opens (or reopens), redrawn while it stays open at most every {@link #FIRST_REDRAW} at first and less
 * often as it lasts (5, 10, 20, then every 30 min), and once when it resolves, up to the resolution. Each chart is
 * asked for once across replicas (its row is keyed by incident and number); a chart waits until the one before it
 * was delivered.
 */
public final class ChartSchedule implements AutoCloseable {

    static final Duration FIRST_REDRAW = Duration.ofMinutes(5);
    static final Duration LONGEST_GAP = Duration.ofMinutes(30);
    /** How often the schedule looks, besides right after a breach was raised ({@link #soon()}). */
    static final Duration TICK = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(ChartSchedule.class);

    private final ChartService charts;
    private final IncidentService incidents;
    private final Clock clock;
    private final Runnable wake;
    /** Incident id → its signal, or empty for an incident not raised from telemetry (its alerts' source never changes). */
    private final Map<String, Optional<ChartService.Watched>> signals = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chart-schedule");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code wake}: rows were written, the outbox workers should look now. */
    public ChartSchedule(ChartService charts, IncidentService incidents, Clock clock, Runnable wake) {
        this.charts = charts;
        this.incidents = incidents;
        this.clock = clock;
        this.wake = wake;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::tickQuietly, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A breach was just raised: look now, on the schedule's thread (the caller does not wait). */
    public void soon() {
        if (!timer.isShutdown()) {
            timer.execute(this::tickQuietly);
        }
    }

    /** Asks for every chart that is due now; returns how many were asked for. */
    public synchronized int tick() {
        Instant now = clock.instant();
        int asked = 0;
        Set<String> open = new HashSet<>();
        for (Incident incident : incidents.open()) {
            open.add(incident.id());
            Optional<ChartService.Watched> signal = signals.computeIfAbsent(incident.id(), this::signalOf);
            if (signal.isPresent() && whileOpen(incident, signal.get(), now)) {
                asked++;
            }
        }
        for (Chart last : charts.unfinished()) {
            if (!open.contains(last.incidentId()) && atResolution(last)) {
                asked++;
            }
        }
        signals.keySet().retainAll(open);
        if (asked > 0) {
            wake.run();
        }
        return asked;
    }

    private boolean whileOpen(Incident incident, ChartService.Watched signal, Instant now) {
        Optional<Chart> last = charts.last(incident.id());
        if (last.isEmpty() || last.get().atResolution()) {
            return charts.ask(incident, signal, last.map(Chart::seq).orElse(0) + 1, false, null);
        }
        Chart previous = last.get();
        if (!previous.state().done() || previous.state() == ChartState.SKIPPED || now.isBefore(previous.askedAt().plus(gap(previous.seq())))) {
            return false;
        }
        return charts.ask(incident, signal, previous.seq() + 1, false, previous.breachStarted());
    }

    private boolean atResolution(Chart last) {
        if (last.state() == ChartState.SKIPPED) {
            return false;
        }
        return incidents.find(last.incidentId()).filter(incident -> !incident.open())
                .map(incident -> charts.ask(incident, new ChartService.Watched(last.workflow(), last.threshold(), null), last.seq() + 1,
                        true, last.breachStarted()))
                .orElse(false);
    }

    /** 5 min after the first chart, then 10, 20, and every 30 min after that. */
    static Duration gap(int seq) {
        long minutes = FIRST_REDRAW.toMinutes() << Math.min(Math.max(0, seq - 1), 6);
        return Duration.ofMinutes(Math.min(minutes, LONGEST_GAP.toMinutes()));
    }

    private Optional<ChartService.Watched> signalOf(String incidentId) {
        Optional<Incident> incident = incidents.find(incidentId);
        if (incident.isEmpty() || incident.get().workflow() == null) {
            return Optional.empty();
        }
        List<IncidentAlert> alerts = incidents.alertsFrom(incidentId, SignalWatch.ALERT_SOURCE);
        return alerts.stream()
                .filter(alert -> alert.labels().get("signal") != null)
                .findFirst()
                .map(alert -> new ChartService.Watched(incident.get().workflow(), alert.labels().get("signal"), alert.firstAt()));
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("asking for telemetry charts: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
