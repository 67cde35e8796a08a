package dev.threeam.change;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Records changes and answers which ones happened to a workflow lately. */
public final class ChangeService {

    /** The most changes {@link #recent} returns: the newest ones. */
    public static final int MAX_RECENT = 200;
    /** Changes dated up to this far ahead of now count as recent: senders' clocks drift. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;

    public ChangeService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Stores every change in one transaction and returns how many were new: a change whose external id is
     * stored already (a retried Langfuse delivery) is skipped.
     */
    public int record(List<ChangeEvent> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            ChangeStore store = handle.attach(ChangeStore.class);
            int recorded = 0;
            for (ChangeEvent change : changes) {
                if (change.externalId() == null) {
                    store.insert(change, now);
                    recorded++;
                } else if (store.insertIfAbsent(change, now)) {
                    recorded++;
                }
            }
            return recorded;
        });
    }

    /** Changes to {@code workflow} within {@code window} before now, newest first (at most {@link #MAX_RECENT}). */
    public List<ChangeEvent> recent(String workflow, Duration window) {
        return recent(workflow, window, clock.instant());
    }

    /** Changes to {@code workflow} within {@code window} before {@code asOf} (an incident's opening), newest first. */
    public List<ChangeEvent> recent(String workflow, Duration window, Instant asOf) {
        Instant now = asOf;
        return jdbi.withExtension(ChangeStore.class,
                store -> store.between(workflow, now.minus(window), now.plus(CLOCK_SKEW), MAX_RECENT));
    }

    public Optional<ChangeEvent> find(long id) {
        return jdbi.withExtension(ChangeStore.class, store -> store.find(id));
    }
}
