package dev.threeam.signal;

import dev.threeam.alert.Alert;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Executes every runbook threshold over its window, on the replica that holds the evaluator's lease: reads the
 * per-minute tables all replicas write, moves each threshold through {@link Hysteresis} (its state kept in the
 * database, so a replica taking over carries on), and raises the breaches that fire or resolve. Alerts are raised
 * before the states are saved: a crash in between raises them again, and the intake joins them to their incident.
 */
final class SignalEvaluator {

    /** How long one evaluation holds the lease; a replica that stops renewing it is taken over after this. */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** Minutes, buckets and streams older than this are deleted: the longest window is a day. */
    static final Duration RETENTION = Duration.ofHours(25);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final RunbookRegistry runbooks;
    private final Clock clock;
    private final BreachSink sink;
    private final SignalMetrics metrics;
    private final SeriesBook series;
    private final String holder;
    private Instant prunedAt = Instant.MIN;

    SignalEvaluator(Jdbi jdbi, RunbookRegistry runbooks, Clock clock, BreachSink sink, SignalMetrics metrics, SeriesBook series,
                    String holder) {
        this.jdbi = jdbi;
        this.runbooks = runbooks;
        this.clock = clock;
        this.sink = sink;
        this.metrics = metrics;
        this.series = series;
        this.holder = holder;
    }

    /** One evaluation; false when another replica holds the lease (then it evaluates). */
    synchronized boolean tick() {
        Instant now = clock.instant();
        SignalStore store = jdbi.onDemand(SignalStore.class);
        if (store.takeLease(holder, now, now.plus(LEASE)) != 1) {
            return false;
        }
        Map<String, Hysteresis.State> states = new HashMap<>();
        store.breaches().forEach(row -> states.put(key(row.workflow(), row.threshold()),
                new Hysteresis.State(Hysteresis.Phase.valueOf(row.phase()), row.since(), row.breachStarted())));
        Map<String, Hysteresis.State> changed = new LinkedHashMap<>();
        List<Alert> alerts = new ArrayList<>();
        Map<String, Threshold> evaluated = new HashMap<>();
        for (Runbook runbook : runbooks.all()) {
            for (Threshold threshold : thresholds(store, runbook, states, now)) {
                String key = key(threshold.workflow(), threshold.id());
                evaluated.put(key, threshold);
                Reading reading = Readings.read(store, threshold, now);
                Hysteresis.State before = states.get(key);
                Hysteresis.Step step = Hysteresis.step(before, threshold.judge(reading), now, threshold.holdFor());
                if (step.event() == Hysteresis.Event.FIRE) {
                    alerts.add(BreachAlerts.firing(threshold, reading, step.state().breachStarted()));
                    metrics.breach(threshold.kind().name().toLowerCase(java.util.Locale.ROOT), "fired");
                } else if (step.event() == Hysteresis.Event.RESOLVE) {
                    alerts.add(BreachAlerts.resolved(threshold, reading, before.breachStarted()));
                    metrics.breach(threshold.kind().name().toLowerCase(java.util.Locale.ROOT), "resolved");
                }
                if (!java.util.Objects.equals(before, step.state())) {
                    changed.put(key, step.state());
                }
            }
        }
        forgotten(states, evaluated, changed, alerts, now);
        if (!alerts.isEmpty()) {
            sink.raise(alerts);
        }
        jdbi.useTransaction(handle -> {
            SignalStore tx = handle.attach(SignalStore.class);
            changed.forEach((key, state) -> {
                String[] parts = key.split("\u0000", 2);
                if (state == null) {
                    tx.clearBreach(parts[0], parts[1]);
                } else {
                    tx.saveBreach(new SignalRows.Breach(parts[0], parts[1], state.phase().name(), state.since(), state.breachStarted()));
                }
            });
        });
        prune(store, now);
        return true;
    }

    /** Gives the lease up (at shutdown), so another replica evaluates without waiting it out. */
    void release() {
        jdbi.onDemand(SignalStore.class).releaseLease(holder);
    }

    /** The runbook's thresholds, plus one per tool that sent calls in the window or is still in a breach state. */
    private static List<Threshold> thresholds(SignalStore store, Runbook runbook, Map<String, Hysteresis.State> states, Instant now) {
        List<Threshold> thresholds = new ArrayList<>(Thresholds.of(runbook));
        if (runbook.telemetry().tools() == null) {
            return thresholds;
        }
        java.util.Set<String> tools = new java.util.TreeSet<>();
        Threshold template = Thresholds.tool(runbook, "_");
        store.totalsLike(runbook.workflow(), Series.TOOL + "%", Readings.since(now, template.window()))
                .forEach(totals -> tools.add(totals.series().substring(Series.TOOL.length())));
        String prefix = key(runbook.workflow(), "tools.");
        states.keySet().stream().filter(key -> key.startsWith(prefix) && key.endsWith(".error_rate"))
                .forEach(key -> tools.add(key.substring(prefix.length(), key.length() - ".error_rate".length())));
        tools.forEach(tool -> thresholds.add(Thresholds.tool(runbook, tool)));
        return thresholds;
    }

    /**
     * A threshold that is in a breach state but no longer written (the runbook changed or went away) resolves: its
     * incident would otherwise wait for a signal nobody evaluates.
     */
    private static void forgotten(Map<String, Hysteresis.State> states, Map<String, Threshold> evaluated,
                                  Map<String, Hysteresis.State> changed, List<Alert> alerts, Instant now) {
        states.forEach((key, state) -> {
            if (evaluated.containsKey(key)) {
                return;
            }
            changed.put(key, null);
            if (state.phase() != Hysteresis.Phase.PENDING) {
                String[] parts = key.split("\u0000", 2);
                alerts.add(new Alert(BreachAlerts.SOURCE, "otel:" + parts[0] + ":" + parts[1], dev.threeam.alert.AlertStatus.RESOLVED,
                        parts[0] + ": " + parts[1] + " is no longer a runbook threshold", "critical", null, parts[0], Map.of("signal", parts[1]),
                        Map.of("evidence", "the runbook no longer writes " + parts[1] + "; 3am stopped evaluating it at " + now),
                        Map.of(), state.breachStarted(), null));
            }
        });
    }

    private void prune(SignalStore store, Instant now) {
        if (now.isBefore(prunedAt.plus(PRUNE_EVERY))) {
            return;
        }
        prunedAt = now;
        Instant before = now.minus(RETENTION);
        store.pruneMinutes(before);
        store.pruneBuckets(before);
        store.pruneStreams(before);
        series.forgetOlderThan(now.minus(SeriesBook.memory()));
    }

    private static String key(String workflow, String threshold) {
        return workflow + '\u0000' + threshold;
    }
}
