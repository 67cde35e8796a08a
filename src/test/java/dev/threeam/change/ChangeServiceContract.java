package dev.threeam.change;

import dev.threeam.testing.MutableClock;
import static dev.threeam.change.ChangeTestData.NOW;
import static dev.threeam.change.ChangeTestData.aChange;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link ChangeService} promises, run against each database. The database may be shared with other tests:
 * every test uses its own workflow names and event ids and deletes its rows afterwards.
 */
abstract class ChangeServiceContract {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final MutableClock clock = new MutableClock(NOW);
    private Database database;
    private ChangeService service;

    abstract Database openDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        database = openDatabase();
        service = new ChangeService(database.jdbi(), clock);
    }

    @AfterEach
    void deleteOwnRows() {
        if (database == null) {
            return; // skipped before opening
        }
        database.jdbi().useHandle(handle -> handle.createUpdate("DELETE FROM changes WHERE workflow LIKE :prefix")
                .bind("prefix", "test-" + run + "-%").execute());
        closeDatabase();
    }

    /** Runs after each test's own rows are deleted. */
    void closeDatabase() {
    }

    private String workflow(String name) {
        return "test-" + run + "-" + name;
    }

    private String eventId(String name) {
        return run + "-" + name;
    }

    @Test
    void recorded_changes_come_back_with_every_field() {
        ChangeEvent change = aChange().workflow(workflow("a")).kind(ChangeKind.MODEL_ROUTE).versions("gpt-5", "gpt-5-mini")
                .author("dana").summary("Cheaper route").build();

        assertThat(service.record(List.of(change))).isEqualTo(1);

        List<ChangeEvent> recent = service.recent(workflow("a"), Duration.ofHours(1));
        assertThat(recent).hasSize(1);
        ChangeEvent stored = recent.get(0);
        assertThat(stored.id()).isNotNull();
        assertThat(stored).isEqualTo(change.withId(stored.id()));
        assertThat(service.find(stored.id())).contains(stored);
    }

    @Test
    void a_retried_langfuse_event_records_nothing_new() {
        ChangeEvent delivery = aChange().workflow(workflow("a")).fromLangfuse(eventId("e1")).build();

        assertThat(service.record(List.of(delivery))).isEqualTo(1);
        assertThat(service.record(List.of(delivery))).isZero();
        assertThat(service.record(List.of(delivery, delivery))).isZero();

        assertThat(service.recent(workflow("a"), Duration.ofHours(1))).hasSize(1);
    }

    @Test
    void record_counts_only_new_changes_in_a_mixed_batch() {
        ChangeEvent old = aChange().workflow(workflow("a")).fromLangfuse(eventId("e1")).build();
        service.record(List.of(old));

        int recorded = service.record(List.of(old,
                aChange().workflow(workflow("a")).fromLangfuse(eventId("e2")).build(),
                aChange().workflow(workflow("a")).kind(ChangeKind.DEPLOY).build(),
                aChange().workflow(workflow("a")).kind(ChangeKind.DEPLOY).build()));

        assertThat(recorded).isEqualTo(3);
        assertThat(service.recent(workflow("a"), Duration.ofHours(1))).hasSize(4);
    }

    @Test
    void recent_keeps_only_the_window_and_the_workflow_newest_first() {
        service.record(List.of(
                aChange().workflow(workflow("a")).summary("too old").at(NOW.minus(Duration.ofHours(25))).build(),
                aChange().workflow(workflow("a")).summary("edge").at(NOW.minus(Duration.ofHours(24))).build(),
                aChange().workflow(workflow("a")).summary("an hour ago").at(NOW.minus(Duration.ofHours(1))).build(),
                aChange().workflow(workflow("a")).summary("sender clock 30 s ahead").at(NOW.plusSeconds(30)).build(),
                aChange().workflow(workflow("a")).summary("far future").at(NOW.plus(Duration.ofHours(2))).build(),
                aChange().workflow(workflow("b")).summary("other workflow").at(NOW.minusSeconds(60)).build()));

        assertThat(service.recent(workflow("a"), Duration.ofHours(24))).extracting(ChangeEvent::summary)
                .containsExactly("sender clock 30 s ahead", "an hour ago", "edge");
    }

    @Test
    void the_window_moves_with_the_clock() {
        service.record(List.of(aChange().workflow(workflow("a")).at(NOW.minusSeconds(60)).build()));

        assertThat(service.recent(workflow("a"), Duration.ofMinutes(30))).hasSize(1);
        clock.advance(Duration.ofMinutes(31));
        assertThat(service.recent(workflow("a"), Duration.ofMinutes(30))).isEmpty();
    }

    @Test
    void instants_keep_their_milliseconds() {
        Instant at = Instant.parse("2026-11-28T01:40:00.123Z");
        service.record(List.of(aChange().workflow(workflow("a")).at(at).build()));

        assertThat(service.recent(workflow("a"), Duration.ofHours(1)).get(0).at()).isEqualTo(at);
    }

    @Test
    void find_answers_empty_for_an_unknown_id() {
        assertThat(service.find(Long.MAX_VALUE)).isEmpty();
    }
}
