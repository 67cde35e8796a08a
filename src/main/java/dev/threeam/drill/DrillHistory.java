package dev.threeam.drill;

import dev.threeam.common.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Past drills, per workflow and failure type: what the handover report and the App Home show. */
public final class DrillHistory {

    /** One scored drill. */
    public record Drill(String incidentId, String workflow, String failureType, Instant startedAt, Instant endedAt, boolean passed, String scorecard) {

        /** The scorecard's text (mrkdwn, as the thread showed it). */
        public String text() {
            return String.valueOf(Json.readMap(scorecard).get("text"));
        }
    }

    private final Jdbi jdbi;

    public DrillHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Drill> all() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM drills ORDER BY ended_at DESC")
                .map(org.jdbi.v3.core.mapper.reflect.ConstructorMapper.of(Drill.class)).list());
    }

    public Optional<Drill> last(String workflow, String failureType) {
        return all().stream().filter(d -> d.workflow().equals(workflow) && d.failureType().equals(failureType)).findFirst();
    }

    /** The last passed drill of this workflow and type within {@code window} before {@code now}. */
    public Optional<Drill> lastPassed(String workflow, String failureType, Instant now, Duration window) {
        return all().stream().filter(d -> d.workflow().equals(workflow) && d.failureType().equals(failureType) && d.passed()
                && d.endedAt().isAfter(now.minus(window))).findFirst();
    }
}
