package dev.threeam.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.classify.Classifier;
import dev.threeam.drill.DrillService;
import dev.threeam.drill.DrillThresholds;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.IncidentSettings;
import dev.threeam.incident.TimelineEntry;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.store.Database;
import dev.threeam.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a drill says of itself: started through the API (not by "<@api>"), and a rollback it would make. */
class DrillActionsTest {

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-28T02:00:00Z");
    private Database database;
    private RunbookRegistry runbooks;
    private IncidentService incidents;
    private ActionService actions;
    private DrillService drills;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("test.db"), null, null);
        runbooks = RunbookRegistry.load(Path.of("runbooks"), Map.of(), true, clock);
        incidents = new IncidentService(database.jdbi(), runbooks, new Classifier(), clock,
                new IncidentSettings(Duration.ofMinutes(30), Duration.ofSeconds(3), "C0INCIDENTS"), change -> Optional.empty());
        actions = new ActionService(incidents, runbooks, new Authorization(group -> Set.of("U0ONCALL")));
        drills = new DrillService(incidents, runbooks, new ActionLog(database.jdbi()), DrillThresholds.DEFAULT, clock);
    }

    @AfterEach
    void close() {
        incidents.close();
        runbooks.close();
        database.close();
    }

    @Test
    void a_drill_started_through_the_api_says_so_and_a_rollback_pressed_in_it_would_roll_back() {
        String id = drills.start("support-chat", "retrieval_failure", TimelineEntry.API);

        assertThat(incidents.timeline(id).get(0).sentence().plain()).startsWith("DRILL started through the API for support-chat");
        assertThat(actions.rollback(id, "previous-retriever", "U0ONCALL").message().plain())
                .isEqualTo("Would roll back (a drill: nothing is called): Answer from the previous retriever (bm25-v1)");
    }

    @Test
    void a_drill_started_in_slack_names_who_started_it_and_a_real_rollback_is_rolling_back() {
        String drill = drills.start("support-chat", "retrieval_failure", "U0ONCALL");
        assertThat(incidents.timeline(drill).get(0).sentence().plain()).startsWith("DRILL started by U0ONCALL for support-chat");

        String real = incidents.ingest(java.util.List.of(new dev.threeam.alert.Alert("generic", "fp-1",
                dev.threeam.alert.AlertStatus.FIRING, "recall@5 low", "critical", null, "support-chat",
                Map.of("failure_type", "retrieval_failure"), Map.of(), Map.of(), null, null))).incidents().get(0);
        assertThat(actions.rollback(real, "previous-retriever", "U0ONCALL").message().plain())
                .isEqualTo("Rolling back: Answer from the previous retriever (bm25-v1)");
    }
}
