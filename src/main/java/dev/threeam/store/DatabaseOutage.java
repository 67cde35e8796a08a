package dev.threeam.store;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteException;

/**
 * Whether the database answers, and the one place where "the database is unreachable" becomes the overload answer
 * ({@link DatabaseUnavailable}: 503 + {@code Retry-After}). Once connections fail, requests are refused at once
 * instead of each waiting out the pool's timeout; the replica's heartbeat ({@link #probe}, every second) finds out when
 * the database is back, so no request ever waits for that (without a heartbeat, one caller every five seconds does).
 * A database that opens but refuses writes (SQLite full or read-only) is marked unavailable until a write succeeds
 * with no failure for five seconds (a full SQLite still takes the heartbeat's small update in place). Becoming
 * unavailable and available again are logged once each.
 */
public final class DatabaseOutage {

    /** What senders are told to wait before sending again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    /** Without a heartbeat probing, a caller tries anyway this long after the last try. */
    private static final long FALLBACK_PROBE_NANOS = Duration.ofSeconds(5).toNanos();
    /** A write failure is over once writes succeed and none failed for this long. */
    private static final long WRITE_FAILURE_HOLD_NANOS = Duration.ofSeconds(5).toNanos();
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutage.class);
    /** PostgreSQL states that mean "not now": shutting down, starting, too many connections, disk full, a read-only standby. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "53100", "25006");

    /** Down since {@code sinceNanos}; {@code connections}: no connection can be had (else: writes fail). */
    private record Down(String reason, long sinceNanos, boolean connections) {}

    private final LongSupplier ticker;
    private final AtomicReference<Down> down = new AtomicReference<>();
    private final AtomicLong lastProbe = new AtomicLong();
    private final AtomicLong lastFailure = new AtomicLong();
    private final ThreadLocal<Boolean> probing = ThreadLocal.withInitial(() -> false);
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();

    public DatabaseOutage() {
        this(System::nanoTime);
    }

    /** {@code ticker}: nanoseconds, as {@link System#nanoTime} (tests move their own). */
    DatabaseOutage(LongSupplier ticker) {
        this.ticker = ticker;
    }

    /** Runs {@code check} as the one that looks whether the database is back: its connection is tried even while down. */
    public void probe(Runnable check) {
        probing.set(true);
        try {
            check.run();
        } finally {
            probing.set(false);
        }
    }

    /** Before taking a connection: while connections fail, refuses at once, but for the probe. */
    void beforeConnect() {
        Down now = down.get();
        if (now == null || !now.connections()) {
            return;
        }
        long time = ticker.getAsLong();
        if (probing.get()) {
            lastProbe.set(time);
            return;
        }
        long last = lastProbe.get();
        if (time - last < FALLBACK_PROBE_NANOS || !lastProbe.compareAndSet(last, time)) {
            refused.incrementAndGet();
            throw new DatabaseUnavailable(now.reason(), null);
        }
    }

    /** A connection was had: the database answers again (a write failure stays until a write succeeds). */
    void connected() {
        Down now = down.get();
        if (now != null && now.connections() && down.compareAndSet(now, null)) {
            back(now);
        }
    }

    /** A write succeeded: whatever was wrong is over, once no call failed for a few seconds. */
    public void wrote() {
        Down now = down.get();
        if (now != null && ticker.getAsLong() - lastFailure.get() >= WRITE_FAILURE_HOLD_NANOS && down.compareAndSet(now, null)) {
            back(now);
        }
    }

    /**
     * A call failed: when it failed because the database is unavailable, marks it so and returns the overload answer to
     * throw instead; otherwise (a bug, a constraint) empty.
     */
    public Optional<DatabaseUnavailable> failed(Throwable error) {
        return failed(error, false);
    }

    Optional<DatabaseUnavailable> failed(Throwable error, boolean connecting) {
        if (error instanceof DatabaseUnavailable unavailable) {
            return Optional.of(unavailable);
        }
        Optional<String> reason = reason(error);
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        refused.incrementAndGet();
        lastFailure.set(ticker.getAsLong());
        Down now = new Down(reason.get(), ticker.getAsLong(), connecting);
        Down before = down.getAndUpdate(current -> current == null ? now
                : connecting && !current.connections() ? new Down(current.reason(), current.sinceNanos(), true) : current);
        if (before == null || connecting && !before.connections()) {
            lastProbe.set(ticker.getAsLong());
        }
        if (before == null) {
            outages.incrementAndGet();
            LOG.error("database unavailable: {}. Alert, change and API requests are answered 503 with Retry-After; deliveries wait; "
                    + "3am carries on by itself when the database answers again", reason.get());
        }
        return Optional.of(new DatabaseUnavailable(reason.get(), error));
    }

    /** Why the database is unavailable, while it is. */
    public Optional<String> problem() {
        return Optional.ofNullable(down.get()).map(Down::reason);
    }

    /** True when {@code error} (or a cause) says the database is unavailable rather than that the statement is wrong. */
    public static boolean isUnavailable(Throwable error) {
        return error instanceof DatabaseUnavailable || reason(error).isPresent();
    }

    /** Counts and a gauge for {@code /metrics}. */
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("threeam_database_available", this, outage -> outage.down.get() == null ? 1 : 0)
                .description("1 while the database answers, 0 while it is unavailable").register(registry);
        FunctionCounter.builder("threeam_database_unavailable", refused, AtomicLong::get)
                .description("database calls refused or failed because the database was unavailable").register(registry);
        FunctionCounter.builder("threeam_database_outages", outages, AtomicLong::get)
                .description("times the database became unavailable").register(registry);
    }

    private void back(Down was) {
        LOG.info("database available again after {} s ({})", Duration.ofNanos(ticker.getAsLong() - was.sinceNanos()).toSeconds(), was.reason());
    }

    /** The few words that say why, when {@code error} means the database is unavailable. */
    static Optional<String> reason(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DatabaseUnavailable unavailable) {
                return Optional.of(unavailable.reason());
            }
            if (cause instanceof SQLiteException sqlite) {
                Optional<String> reason = sqlite(sqlite);
                if (reason.isPresent()) {
                    return reason;
                }
            } else if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (sql instanceof SQLTransientConnectionException || state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
                    return Optional.of(deepest(sql));
                }
            } else if (cause instanceof java.net.ConnectException || cause instanceof java.net.NoRouteToHostException) {
                return Optional.of(shortly(cause.getMessage()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> sqlite(SQLiteException error) {
        String code = error.getResultCode() == null ? "" : error.getResultCode().name();
        if (code.equals("SQLITE_FULL")) {
            return Optional.of("the SQLite database is full (disk full or max_page_count reached)");
        }
        if (code.startsWith("SQLITE_READONLY")) {
            return Optional.of("the SQLite database is read-only (" + code + ")");
        }
        if (code.startsWith("SQLITE_IOERR")) {
            return Optional.of("SQLite cannot read or write its file (" + code + ")");
        }
        if (code.startsWith("SQLITE_CANTOPEN")) {
            return Optional.of("SQLite cannot open its file (" + code + ")");
        }
        return Optional.empty();
    }

    /** The message of the innermost SQL error (the pool's "not available" wraps the driver's "connection refused"). */
    private static String deepest(SQLException error) {
        Throwable inner = error;
        while (inner.getCause() instanceof SQLException next && next != inner) {
            inner = next;
        }
        Throwable why = inner.getCause();
        return shortly(inner.getMessage()) + (why == null || why.getMessage() == null ? "" : " (" + shortly(why.getMessage()) + ")");
    }

    private static String shortly(String message) {
        String line = message == null ? "no answer" : message.lines().findFirst().orElse("no answer").strip();
        if (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }
}
