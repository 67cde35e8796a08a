package dev.threeam.signal;

import dev.threeam.runbook.RunbookRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 3am watching a runbook's thresholds itself: the OTLP receiver that keeps what the thresholds read, and the
 * evaluation that runs every {@link #EVALUATION_INTERVAL} on whichever replica holds the lease and raises breaches
 * through the {@link BreachSink}. Built once by the composition root.
 */
public final class SignalWatch implements AutoCloseable {

    public static final Duration EVALUATION_INTERVAL = Duration.ofSeconds(5);
    /** Series a workflow may hold (tool names come from the telemetry); more are dropped as over the cap. */
    public static final int MAX_SERIES_PER_WORKFLOW = 100;
    /** The source of the alerts breaches raise ({@code Alert.source}); their {@code signal} label names the threshold. */
    public static final String ALERT_SOURCE = BreachAlerts.SOURCE;
    private static final Logger LOG = LoggerFactory.getLogger(SignalWatch.class);

    private final Jdbi jdbi;
    private final OtlpReceiver receiver;
    private final SignalEvaluator evaluator;
    private final History history;
    private final ScheduledExecutorService timer;

    public SignalWatch(Jdbi jdbi, RunbookRegistry runbooks, MeterRegistry registry, Clock clock, BreachSink sink) {
        this.jdbi = jdbi;
        SeriesBook series = new SeriesBook(MAX_SERIES_PER_WORKFLOW);
        SignalMetrics metrics = new SignalMetrics(registry, series);
        WorkflowFinder workflows = new WorkflowFinder(runbooks);
        this.receiver = new OtlpReceiver(new MetricsReader(workflows, new PriceBook(runbooks.dir(), clock)), new LogsReader(workflows),
                new SignalIntake(jdbi, clock, series), metrics);
        this.evaluator = new SignalEvaluator(jdbi, runbooks, clock, sink, metrics, series, "signals-" + UUID.randomUUID());
        this.history = new History(jdbi, runbooks);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "signal-evaluator");
            thread.setDaemon(true);
            return thread;
        });
    }

    public OtlpReceiver receiver() {
        return receiver;
    }

    public void start() {
        long every = EVALUATION_INTERVAL.toMillis();
        timer.scheduleWithFixedDelay(this::evaluateQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Evaluates every threshold now, on the caller's thread (tests drive time with their clock and call this); false
     * when another replica holds the lease.
     */
    public boolean evaluateNow() {
        return evaluator.tick();
    }

    /** Which series a workflow has sent and how recently, from the database: for {@code check}'s report. */
    public List<SignalRows.Seen> signalsSeen(String workflow) {
        return jdbi.onDemand(SignalStore.class).signalsSeen(workflow);
    }

    /** Which of the runbook's thresholds have telemetry in the database, and which have none yet. */
    public List<SignalCoverage.Line> coverage(dev.threeam.runbook.Runbook runbook) {
        return SignalCoverage.read(jdbi, runbook);
    }

    /**
     * The threshold's measure minute by minute over {@code span} up to {@code now}, as the evaluator read it (for a
     * chart); empty when the runbook no longer writes the threshold ({@code budgets.usd_per_hour},
     * {@code tools.lookup_order.error_rate} …).
     */
    public java.util.Optional<SignalHistory> history(String workflow, String threshold, java.time.Instant now, Duration span) {
        return history.of(workflow, threshold, now, span);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            evaluator.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("releasing the evaluator's lease: {}", e.getMessage());
        }
    }

    private void evaluateQuietly() {
        try {
            evaluator.tick();
        } catch (RuntimeException e) {
            LOG.warn("evaluating telemetry thresholds: {}", e.toString());
        }
    }
}
