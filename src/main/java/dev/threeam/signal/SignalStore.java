package dev.threeam.signal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The telemetry tables (V20): per-minute sums and buckets, cumulative streams, threshold states and the evaluator's
 * lease. Upserts add to what another replica wrote in the same minute; SQL that runs on SQLite and PostgreSQL.
 */
@RegisterConstructorMapper(StreamState.class)
@RegisterConstructorMapper(SignalRows.Totals.class)
@RegisterConstructorMapper(SignalRows.BucketTotal.class)
@RegisterConstructorMapper(SignalRows.Breach.class)
@RegisterConstructorMapper(SignalRows.Seen.class)
public interface SignalStore {

    @SqlBatch("""
            INSERT INTO signal_minutes (workflow, series, minute_at, total, samples, errors)
            VALUES (:workflow, :series, :minuteAt, :total, :samples, :errors)
            ON CONFLICT (workflow, series, minute_at) DO UPDATE SET total = signal_minutes.total + excluded.total,
              samples = signal_minutes.samples + excluded.samples, errors = signal_minutes.errors + excluded.errors""")
    void addMinutes(@BindMethods Collection<SignalRows.Minute> rows);

    @SqlBatch("""
            INSERT INTO signal_buckets (workflow, series, minute_at, le, hits) VALUES (:workflow, :series, :minuteAt, :le, :hits)
            ON CONFLICT (workflow, series, minute_at, le) DO UPDATE SET hits = signal_buckets.hits + excluded.hits""")
    void addBuckets(@BindMethods Collection<SignalRows.Bucket> rows);

    @SqlQuery("SELECT * FROM signal_streams WHERE stream_key IN (<keys>)")
    List<StreamState> streams(@BindList("keys") Collection<String> keys);

    /** 0 when another replica inserted the stream first. */
    @SqlUpdate("""
            INSERT INTO signal_streams (stream_key, workflow, start_nanos, time_nanos, total, samples, bounds, hits, seen_at)
            VALUES (:streamKey, :workflow, :startNanos, :timeNanos, :total, :samples, :bounds, :hits, :seenAt)
            ON CONFLICT (stream_key) DO NOTHING""")
    int insertStream(@BindMethods StreamState state);

    /** Moves a stream on from the point this replica read; 0 when another replica moved it meanwhile. */
    @SqlUpdate("""
            UPDATE signal_streams SET start_nanos = :startNanos, time_nanos = :timeNanos, total = :total, samples = :samples,
              bounds = :bounds, hits = :hits, seen_at = :seenAt
            WHERE stream_key = :streamKey AND time_nanos = :readTime AND start_nanos = :readStart""")
    int moveStream(@BindMethods StreamState state, @Bind("readTime") long readTime, @Bind("readStart") long readStart);

    @SqlQuery("SELECT COUNT(*) FROM signal_streams WHERE workflow = :workflow")
    long streamCount(@Bind("workflow") String workflow);

    /** A series summed over the window; empty when it has no minute there. */
    @SqlQuery("""
            SELECT series, SUM(total) AS total, SUM(samples) AS samples, SUM(errors) AS errors
            FROM signal_minutes WHERE workflow = :workflow AND series = :series AND minute_at >= :since GROUP BY series""")
    java.util.Optional<SignalRows.Totals> totals(@Bind("workflow") String workflow, @Bind("series") String series, @Bind("since") Instant since);

    /** Every series of a workflow that starts with {@code prefix} ({@code tool:}), summed over the window. */
    @SqlQuery("""
            SELECT series, SUM(total) AS total, SUM(samples) AS samples, SUM(errors) AS errors
            FROM signal_minutes WHERE workflow = :workflow AND series LIKE :prefix AND minute_at >= :since
            GROUP BY series ORDER BY series""")
    List<SignalRows.Totals> totalsLike(@Bind("workflow") String workflow, @Bind("prefix") String prefixPattern,
                                       @Bind("since") Instant since);

    @SqlQuery("""
            SELECT le, SUM(hits) AS hits FROM signal_buckets
            WHERE workflow = :workflow AND series = :series AND minute_at >= :since GROUP BY le ORDER BY le""")
    List<SignalRows.BucketTotal> buckets(@Bind("workflow") String workflow, @Bind("series") String series, @Bind("since") Instant since);

    /** Which series a workflow has sent, when last, and how many samples are kept: what {@code check} reports. */
    @SqlQuery("""
            SELECT series, MAX(minute_at) AS last_at, SUM(samples) AS samples FROM signal_minutes
            WHERE workflow = :workflow GROUP BY series ORDER BY series""")
    List<SignalRows.Seen> signalsSeen(@Bind("workflow") String workflow);

    @SqlQuery("SELECT * FROM signal_states")
    List<SignalRows.Breach> breaches();

    @SqlUpdate("""
            INSERT INTO signal_states (workflow, threshold, phase, since, breach_started)
            VALUES (:workflow, :threshold, :phase, :since, :breachStarted)
            ON CONFLICT (workflow, threshold) DO UPDATE SET phase = excluded.phase, since = excluded.since,
              breach_started = excluded.breach_started""")
    void saveBreach(@BindMethods SignalRows.Breach breach);

    @SqlUpdate("DELETE FROM signal_states WHERE workflow = :workflow AND threshold = :threshold")
    void clearBreach(@Bind("workflow") String workflow, @Bind("threshold") String threshold);

    /** 1 when {@code holder} holds the evaluator's lease until {@code until} (it had it, or it had run out). */
    @SqlUpdate("""
            UPDATE signal_lease SET holder = :holder, held_until = :until
            WHERE name = 'evaluator' AND (holder = :holder OR held_until < :now)""")
    int takeLease(@Bind("holder") String holder, @Bind("now") Instant now, @Bind("until") Instant until);

    @SqlUpdate("UPDATE signal_lease SET held_until = 0 WHERE name = 'evaluator' AND holder = :holder")
    void releaseLease(@Bind("holder") String holder);

    @SqlUpdate("DELETE FROM signal_minutes WHERE minute_at < :before")
    int pruneMinutes(@Bind("before") Instant before);

    @SqlUpdate("DELETE FROM signal_buckets WHERE minute_at < :before")
    int pruneBuckets(@Bind("before") Instant before);

    @SqlUpdate("DELETE FROM signal_streams WHERE seen_at < :before")
    int pruneStreams(@Bind("before") Instant before);
}
