package dev.threeam.check;

import dev.threeam.classify.FailureType;
import dev.threeam.store.Database;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data: scored drills written straight into a migrated database, as the drill service leaves them. */
final class DrillRows {

    private final Database database;
    private final AtomicInteger seq = new AtomicInteger();

    DrillRows(Database database) {
        this.database = database;
    }

    /** A resolved drill incident and its scorecard for {@code workflow} and {@code type}, ended at {@code endedAt}. */
    DrillRows drill(String workflow, FailureType type, Instant endedAt, boolean passed) {
        int number = seq.incrementAndGet();
        String id = "INC-" + number;
        Instant startedAt = endedAt.minusSeconds(600);
        database.jdbi().useTransaction(handle -> {
            handle.createUpdate("""
                    INSERT INTO incidents (id, seq, incident_key, title, workflow, failure_type, evidence, confidence,
                        severity, status, drill, alert_count, opened_at, resolved_at, last_alert_at)
                    VALUES (:id, :seq, :key, :title, :workflow, :type, 'drill', 1.0, 'warning', 'resolved', TRUE, 1,
                        :startedAt, :endedAt, :startedAt)""")
                    .bind("id", id).bind("seq", number).bind("key", "drill-" + number)
                    .bind("title", "DRILL " + type.id()).bind("workflow", workflow).bind("type", type.id())
                    .bind("startedAt", startedAt).bind("endedAt", endedAt).execute();
            handle.createUpdate("""
                    INSERT INTO drills (incident_id, workflow, failure_type, started_at, ended_at, passed, scorecard)
                    VALUES (:id, :workflow, :type, :startedAt, :endedAt, :passed, :scorecard)""")
                    .bind("id", id).bind("workflow", workflow).bind("type", type.id())
                    .bind("startedAt", startedAt).bind("endedAt", endedAt).bind("passed", passed)
                    .bind("scorecard", "{\"text\":\"DRILL scorecard\"}").execute();
        });
        return this;
    }

    /** A passed drill of every classified type of {@code workflow}, ended at {@code endedAt}. */
    DrillRows everyTypePassed(String workflow, Instant endedAt) {
        for (FailureType type : FailureType.classified()) {
            drill(workflow, type, endedAt, true);
        }
        return this;
    }
}
