package dev.threeam.signal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The per-minute rows of one series, minute by minute (what {@link SignalStore} sums over a window). */
@RegisterConstructorMapper(SignalRows.Minute.class)
@RegisterConstructorMapper(SignalRows.Bucket.class)
@RegisterConstructorMapper(SignalRows.Breach.class)
interface HistoryStore {

    @SqlQuery("""
            SELECT * FROM signal_minutes WHERE workflow = :workflow AND series = :series AND minute_at >= :since
            ORDER BY minute_at""")
    List<SignalRows.Minute> minutes(@Bind("workflow") String workflow, @Bind("series") String series, @Bind("since") Instant since);

    @SqlQuery("""
            SELECT * FROM signal_buckets WHERE workflow = :workflow AND series = :series AND minute_at >= :since
            ORDER BY minute_at, le""")
    List<SignalRows.Bucket> buckets(@Bind("workflow") String workflow, @Bind("series") String series, @Bind("since") Instant since);

    @SqlQuery("SELECT * FROM signal_states WHERE workflow = :workflow AND threshold = :threshold")
    Optional<SignalRows.Breach> state(@Bind("workflow") String workflow, @Bind("threshold") String threshold);
}
