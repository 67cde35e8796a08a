package dev.threeam.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertStatus;
import dev.threeam.classify.Classifier;
import dev.threeam.common.Sentence;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.store.Database;
import dev.threeam.store.Outbox;
import dev.threeam.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grouping, the storm's timeline, flapping and the lifecycle, on the service itself with a real SQLite and a clock we move. */
class IncidentServiceTest {

    private static final Duration CARD_INTERVAL = Duration.ofSeconds(3);

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-11-28T02:00:00Z");
    private Database database;
    private RunbookRegistry runbooks;
    private IncidentService incidents;

    /** The database the service runs on: SQLite in a temporary folder here, PostgreSQL in the subclass. */
    String databaseUrl() {
        return "jdbc:sqlite:" + dir.resolve("test.db");
    }

    @BeforeEach
    void open() {
        database = Database.open(databaseUrl(), null, null);
        runbooks = RunbookRegistry.load(Path.of("runbooks"), Map.of(), true, clock);
        incidents = new IncidentService(database.jdbi(), runbooks, new Classifier(), clock,
                new IncidentSettings(Duration.ofMinutes(30), CARD_INTERVAL, "C0INCIDENTS"), change -> Optional.empty());
    }

    @AfterEach
    void close() {
        if (incidents != null) { // null when the subclass skipped the test (no PostgreSQL to run on)
            incidents.close();
            runbooks.close();
            database.close();
        }
        closeDatabase();
    }

    IncidentService service() {
        return incidents;
    }

    /** What the subclass drops after each test. */
    void closeDatabase() {}

    private static Alert alert(String fingerprint, String group, AlertStatus status) {
        return new Alert("generic", fingerprint, status, "Faithfulness low on " + fingerprint, "critical", group, "support-chat",
                Map.of("metric", "faithfulness"), Map.of(), Map.of(), null, null);
    }

    private String fire(String fingerprint, String group) {
        return incidents.ingest(List.of(alert(fingerprint, group, AlertStatus.FIRING))).incidents().get(0);
    }

    private List<String> timeline(String id) {
        return incidents.timeline(id).stream().map(entry -> entry.sentence().plain()).toList();
    }

    @Test
    void a_new_alert_opens_an_incident_in_its_runbooks_channel_with_the_card_and_the_thread_asked_for() {
        String id = fire("fp-1", null);

        Incident incident = incidents.find(id).orElseThrow();
        assertThat(incident.workflow()).isEqualTo("support-chat");
        assertThat(incident.channel()).isEqualTo("C0SUPPORTCHAT");
        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(incident.alertCount()).isEqualTo(1);
        assertThat(timeline(id)).singleElement().asString().startsWith("Opened from generic alert \"Faithfulness low on fp-1\"");
        assertThat(new Outbox(database, CARD_INTERVAL).pending()).as("the card and seven replies").isEqualTo(8);
    }

    @Test
    void repeats_and_new_alerts_of_the_same_group_join_the_open_incident_and_every_notification_is_counted() {
        String id = fire("fp-1", "kb-sync");
        assertThat(fire("fp-1", "kb-sync")).isEqualTo(id);
        assertThat(fire("fp-2", "kb-sync")).isEqualTo(id);

        assertThat(incidents.find(id).orElseThrow().alertCount()).isEqualTo(3);
        assertThat(incidents.alerts(id)).extracting(IncidentAlert::fingerprint, IncidentAlert::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fp-1", 2L), org.assertj.core.groups.Tuple.tuple("fp-2", 1L));
        assertThat(timeline(id)).contains("Alert \"Faithfulness low on fp-2\" joined the incident");
    }

    @Test
    void a_storm_reads_as_one_joined_entry_per_card_interval_whatever_the_batches() {
        String id = fire("fp-0", "storm");
        for (int batch = 0; batch < 4; batch++) {
            List<Alert> alerts = new java.util.ArrayList<>();
            for (int i = 0; i < 25; i++) {
                alerts.add(alert("fp-" + batch + "-" + i, "storm", AlertStatus.FIRING));
            }
            incidents.ingest(alerts);
            clock.advance(Duration.ofMillis(500));
        }
        clock.advance(CARD_INTERVAL);
        fire("fp-late", "storm");

        assertThat(timeline(id)).containsExactly(
                "Opened from generic alert \"Faithfulness low on fp-0\"; classified as quality_drift (" + incidents.find(id).orElseThrow()
                        .classification().evidence() + ")",
                "100 alerts joined the incident (first: \"Faithfulness low on fp-0-0\")",
                "Alert \"Faithfulness low on fp-late\" joined the incident");
        assertThat(incidents.find(id).orElseThrow().alertCount()).isEqualTo(102);
        assertThat(incidents.alerts(id)).hasSize(102);
    }

    @Test
    void alerts_joining_an_open_incident_ask_for_one_card_redraw_no_sooner_than_an_interval_after_the_card_was_drawn() {
        String id = fire("fp-1", "redraw");
        java.time.Instant drawn = clock.instant();
        database.jdbi().useHandle(handle -> handle.execute("UPDATE incidents SET card_updated_at = ? WHERE id = ?", drawn.toEpochMilli(), id));
        clock.advance(Duration.ofSeconds(1));
        fire("fp-2", "redraw");
        clock.advance(Duration.ofSeconds(1));
        fire("fp-3", "redraw");

        List<Long> redraws = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT not_before FROM outbox WHERE incident_id = :id AND kind = 'update_card' AND status = 'pending'")
                .bind("id", id).mapTo(Long.class).list());
        assertThat(redraws).as("one redraw, which the later alert rides on").containsExactly(drawn.plus(CARD_INTERVAL).toEpochMilli());
    }

    @Test
    void when_every_alert_resolved_at_its_source_the_incident_resolves() {
        String id = fire("fp-1", "g");
        fire("fp-2", "g");
        incidents.ingest(List.of(alert("fp-1", "g", AlertStatus.RESOLVED)));
        assertThat(incidents.find(id).orElseThrow().open()).isTrue();

        incidents.ingest(List.of(alert("fp-2", "g", AlertStatus.RESOLVED)));

        assertThat(incidents.find(id).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(timeline(id)).endsWith("Alert \"Faithfulness low on fp-2\" resolved at the source",
                "Every alert resolved at its source: incident resolved");
    }

    @Test
    void a_closed_resume_gate_holds_resolution_until_a_reviewer_approves() {
        String id = fire("fp-1", null);
        incidents.answer(id, Question.Q4, "yes", "Yes", "U0ONCALL");

        incidents.ingest(List.of(alert("fp-1", null, AlertStatus.RESOLVED)));
        assertThat(incidents.find(id).orElseThrow().open()).isTrue();
        Outcome refused = incidents.resolve(id, "U0ONCALL", Sentence.empty().person("U0REVIEW2"));
        assertThat(refused.kind()).isEqualTo(Outcome.Kind.REFUSED);

        assertThat(incidents.approveResume(id, "U0REVIEW2").done()).isTrue();
        assertThat(incidents.resolve(id, "U0ONCALL", Sentence.empty()).done()).isTrue();
        assertThat(timeline(id)).contains("Every alert resolved at its source; resolution waits for the reviewer's approval",
                "Resolve by U0ONCALL refused: the resume gate is closed", "Resume approved by U0REVIEW2");
    }

    @Test
    void an_alert_firing_again_within_the_flap_window_reopens_its_incident_and_after_it_opens_a_new_one() {
        String id = fire("fp-1", null);
        incidents.ingest(List.of(alert("fp-1", null, AlertStatus.RESOLVED)));
        clock.advance(Duration.ofMinutes(10));

        assertThat(fire("fp-1", null)).isEqualTo(id);
        assertThat(incidents.find(id).orElseThrow().status()).isEqualTo(IncidentStatus.TRIGGERED);
        assertThat(timeline(id)).contains("Reopened: \"Faithfulness low on fp-1\" fired again 10 min after resolution (flap window 30 min)",
                "Alert \"Faithfulness low on fp-1\" fired again");

        incidents.ingest(List.of(alert("fp-1", null, AlertStatus.RESOLVED)));
        clock.advance(Duration.ofMinutes(31));
        assertThat(fire("fp-1", null)).isNotEqualTo(id);
    }

    @Test
    void a_resolve_for_an_alert_never_seen_opens_nothing() {
        IngestResult result = incidents.ingest(List.of(alert("never-seen", null, AlertStatus.RESOLVED)));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.incidents()).isEmpty();
        assertThat(incidents.all()).isEmpty();
    }

    @Test
    void a_fire_and_its_resolve_in_one_batch_open_and_resolve_the_incident_in_order() {
        IngestResult result = incidents.ingest(List.of(alert("fp-1", null, AlertStatus.FIRING), alert("fp-1", null, AlertStatus.RESOLVED)));

        Incident incident = incidents.find(result.incidents().get(0)).orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(timeline(incident.id())).last().isEqualTo("Every alert resolved at its source: incident resolved");
    }

    @Test
    void acknowledging_twice_is_answered_already_and_changes_nothing() {
        String id = fire("fp-1", null);
        assertThat(incidents.acknowledge(id, "U0ONCALL").done()).isTrue();

        Outcome again = incidents.acknowledge(id, "U0BOB");

        assertThat(again.kind()).isEqualTo(Outcome.Kind.ALREADY);
        assertThat(again.message().plain()).isEqualTo(id + " is already acknowledged (acknowledged by U0ONCALL).");
        assertThat(incidents.find(id).orElseThrow().acknowledgedBy()).isEqualTo("U0ONCALL");
    }

    @Test
    void a_q1_answer_of_another_type_reclassifies_and_records_who_corrected_it() {
        String id = fire("fp-1", null);

        incidents.answer(id, Question.Q1, "retrieval_failure", "Retrieval", "U0ONCALL");

        Incident incident = incidents.find(id).orElseThrow();
        assertThat(incident.type()).isEqualTo(dev.threeam.classify.FailureType.RETRIEVAL_FAILURE);
        assertThat(incident.correctedBy()).isEqualTo("U0ONCALL");
        assertThat(incidents.answers(id)).containsKey(Question.Q1);
        assertThat(timeline(id)).last().isEqualTo("Q1 answered by U0ONCALL: Retrieval — reclassified from quality_drift to retrieval_failure");
    }

    @Test
    void facts_come_back_from_the_timeline_as_they_were_written() {
        String id = fire("fp-1", null);
        incidents.record(id, "3am", new ActionFacts.PageFinished("engineering", ActionFacts.Via.PAGERDUTY, ActionFacts.Result.DONE,
                "HTTP 202", List.of()));

        assertThat(incidents.timeline(id).get(1).fact()).isEqualTo(new ActionFacts.PageFinished("engineering", ActionFacts.Via.PAGERDUTY,
                ActionFacts.Result.DONE, "HTTP 202", List.of()));
    }

    @Test
    void a_timeline_row_written_before_facts_had_kinds_reads_as_its_text() {
        String id = fire("fp-1", null);
        database.jdbi().useHandle(handle -> handle.execute(
                "INSERT INTO timeline (incident_id, at, actor, text) VALUES (?, ?, '3am', 'Alert \"x\" joined the incident')", id, 0L));

        assertThat(incidents.timeline(id).get(1).fact()).isEqualTo(new Fact.Written("Alert \"x\" joined the incident"));
    }
}
