package dev.threeam.chart;

import dev.threeam.common.Text;
import dev.threeam.incident.ChartFacts;
import dev.threeam.incident.Incident;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.Outcome;
import dev.threeam.incident.TimelineEntry;
import dev.threeam.signal.SignalHistory;
import dev.threeam.signal.SignalWatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The charts of telemetry incidents: asks for one (a row and its outbox row in one transaction, once across replicas),
 * draws it from the signal's per-minute tables when it is delivered, and records what became of it: posted, or said as
 * text in the thread when Slack would not take the image.
 */
public final class ChartService {

    /** What a chart shows: the signal's last hour. */
    public static final Duration SPAN = Duration.ofHours(1);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("HHmm").withZone(ZoneOffset.UTC);

    private final Jdbi jdbi;
    private final IncidentService incidents;
    private final SignalWatch signals;
    private final Clock clock;

    public ChartService(Jdbi jdbi, IncidentService incidents, SignalWatch signals, Clock clock) {
        this.jdbi = jdbi;
        this.incidents = incidents;
        this.signals = signals;
        this.clock = clock;
    }

    public Optional<Chart> find(String incidentId, int seq) {
        return jdbi.withExtension(ChartStore.class, store -> store.find(incidentId, seq));
    }

    /** Every chart of an incident, in order. */
    public List<Chart> charts(String incidentId) {
        return jdbi.withExtension(ChartStore.class, store -> store.all(incidentId));
    }

    Optional<Chart> last(String incidentId) {
        return jdbi.withExtension(ChartStore.class, store -> store.last(incidentId));
    }

    List<Chart> unfinished() {
        return jdbi.withExtension(ChartStore.class, ChartStore::unfinished);
    }

    /**
     * Asks for chart {@code seq} of the incident: its row and the outbox row that delivers it, in one transaction. False
     * when it was already asked for (by another replica) or the incident is gone.
     */
    boolean ask(Incident incident, Watched signal, int seq, boolean atResolution, Instant previousBreachStart) {
        Instant now = clock.instant();
        Instant breachStarted = signals.history(signal.workflow(), signal.threshold(), now, Duration.ofMinutes(1))
                .map(SignalHistory::breachStarted).orElse(null);
        Chart chart = new Chart(incident.id(), seq, atResolution, signal.workflow(), signal.threshold(),
                breachStarted != null ? breachStarted : previousBreachStart != null ? previousBreachStart : signal.firedAt(),
                now, ChartState.ASKED, null, null, null);
        return incidents.update(incident.id(), update -> {
            if (update.attach(ChartStore.class).ask(chart) != 1) {
                return Outcome.already(dev.threeam.common.Sentence.of("chart " + seq + " already asked for"));
            }
            update.deliver(new ChartRequest(seq));
            return Outcome.done("chart asked for");
        }).done();
    }

    /**
     * Draws the chart now from the tables: up to now, or for the chart at resolution up to the resolution. Empty when
     * there is nothing to draw (the runbook no longer writes the threshold).
     */
    public Optional<Drawing> draw(Chart chart) {
        Incident incident = incidents.find(chart.incidentId()).orElse(null);
        if (incident == null) {
            return Optional.empty();
        }
        Instant end = chart.atResolution() && incident.resolvedAt() != null ? incident.resolvedAt() : clock.instant();
        return signals.history(chart.workflow(), chart.threshold(), end, SPAN).map(history -> {
            Instant breachTo = chart.atResolution() ? end : null;
            ChartFacts.Numbers numbers = numbers(history, chart.breachStarted(), breachTo);
            String title = incident.id() + " " + chart.workflow() + ": " + history.measure() + ", last hour"
                    + (chart.atResolution() ? " to resolution" : "");
            String filename = (incident.id() + "-" + history.measure() + "-" + FILE_TIME.format(end)).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-") + ".png";
            String alt = Text.shorten("Line chart of " + chart.workflow() + " " + history.measure() + " each minute of the last hour, now "
                    + numbers.now() + ", against the threshold " + history.limitText()
                    + (chart.breachStarted() == null ? "" : "; the breach window is shaded"), 1000);
            byte[] png = null;
            String problem = null;
            try {
                png = SignalChart.png(history, title, chart.breachStarted(), breachTo);
            } catch (RuntimeException | LinkageError | InternalError e) {
                problem = "no chart could be drawn: " + e;
            }
            return new Drawing(filename, title, alt, png, problem, numbers);
        });
    }

    /** The image was uploaded as {@code fileId} and is being shared into the thread: a retry looks for it first. */
    public void sharing(Chart chart, String fileId) {
        jdbi.useExtension(ChartStore.class, store -> store.sharing(chart.incidentId(), chart.seq(), fileId));
    }

    public void posted(Chart chart) {
        jdbi.useExtension(ChartStore.class, store -> store.finish(chart.incidentId(), chart.seq(), ChartState.POSTED, null, clock.instant()));
    }

    public void skipped(Chart chart, String why) {
        jdbi.useExtension(ChartStore.class, store -> store.finish(chart.incidentId(), chart.seq(), ChartState.SKIPPED, why, clock.instant()));
    }

    /**
     * Slack would not take the image ({@code code}): the chart's numbers go into the thread as a notice, in the same
     * transaction that marks the chart said as text (so a retried row never says them twice).
     */
    public void asText(Chart chart, String code, ChartFacts.Numbers numbers) {
        incidents.update(chart.incidentId(), update -> {
            if (update.attach(ChartStore.class).finish(chart.incidentId(), chart.seq(), ChartState.AS_TEXT, code, update.now()) == 1) {
                update.announce(TimelineEntry.BOT, new ChartFacts.ChartAsText(code, numbers));
            }
            return Outcome.done("chart said as text");
        });
    }

    static ChartFacts.Numbers numbers(SignalHistory history, Instant breachFrom, Instant breachTo) {
        SignalHistory.Unit unit = history.unit();
        String now = history.lastKnown().stream().mapToObj(index -> unit.format(history.points().get(index).value())).findFirst()
                .orElse("no data");
        var worst = history.worst();
        return new ChartFacts.Numbers(history.workflow(), history.measure(), now,
                worst.isPresent() ? unit.format(history.points().get(worst.getAsInt()).value()) : "no data",
                worst.isPresent() ? history.points().get(worst.getAsInt()).at() : null, history.limitText(), breachFrom, breachTo);
    }

    /** The signal behind a telemetry incident: its workflow and threshold, and when 3am first received its breach. */
    record Watched(String workflow, String threshold, Instant firedAt) {}
}
