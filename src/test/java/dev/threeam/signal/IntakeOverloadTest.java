package dev.threeam.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threeam.common.Overloaded;
import dev.threeam.store.Database;
import dev.threeam.testing.MutableClock;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that cannot be reached is an overload the sender retries (503 + Retry-After), not a 500. */
class IntakeOverloadTest {

    @TempDir
    Path dir;

    @Test
    void an_unreachable_database_is_answered_as_overloaded() {
        Database database = Database.open("jdbc:sqlite:" + dir.resolve("signals.db"), null, null);
        SignalIntake intake = new SignalIntake(database.jdbi(), MutableClock.at("2026-11-28T02:00:00Z"), new SeriesBook(10));
        RawPoint point = new RawPoint("support-chat", "gen_ai.client.operation.duration", null, 0, 1, Measure.number(1), true,
                List.of(Share.of(Series.LATENCY)));
        assertThat(intake.accept(new Batch(List.of(point), new Drops(), 1)).total()).isZero();

        database.close();
        assertThatThrownBy(() -> intake.accept(new Batch(List.of(point), new Drops(), 1)))
                .isInstanceOf(Overloaded.class).hasMessageStartingWith("the database is unreachable")
                .satisfies(e -> assertThat(((Overloaded) e).retryAfterSeconds()).isEqualTo(5));
    }
}
