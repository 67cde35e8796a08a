package dev.threeam.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cumulative points become what happened since the stream's previous point; resets start over. */
class TemporalityTest {

    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    static final long START = Temporality.nanos(NOW.minus(Duration.ofMinutes(3)));

    static RawPoint tokens(long start, long time, double total) {
        return new RawPoint("support-chat", "gen_ai.client.token.usage", "stream-1", start, time,
                new Measure(total, 1, Measure.NO_BOUNDS, Measure.NO_HITS), true, List.of(Share.of(Series.TOKENS)));
    }

    static RawPoint latency(long start, long time, long... hits) {
        double[] bounds = {1, 4, Double.MAX_VALUE};
        long count = java.util.Arrays.stream(hits).sum();
        return new RawPoint("support-chat", "gen_ai.client.operation.duration", "stream-2", start, time,
                new Measure(count * 2.0, count, bounds, hits), false, List.of(Share.of(Series.LATENCY)));
    }

    static long at(int seconds) {
        return START + seconds * 1_000_000_000L;
    }

    @Test
    void the_first_point_of_a_stream_that_started_recently_counts_from_its_start() {
        Temporality.Step step = Temporality.step(null, tokens(START, at(60), 1200), NOW);
        assertThat(step.keep()).isTrue();
        assertThat(step.delta()).hasValueSatisfying(delta -> assertThat(delta.total()).isEqualTo(1200));
    }

    @Test
    void the_first_point_of_an_old_stream_is_only_a_baseline() {
        long oldStart = Temporality.nanos(NOW.minus(Duration.ofDays(3)));
        Temporality.Step step = Temporality.step(null, tokens(oldStart, at(60), 9_000_000), NOW);
        assertThat(step.keep()).isTrue();
        assertThat(step.delta()).isEmpty();
    }

    @Test
    void a_later_point_counts_what_was_added_since_the_kept_one() {
        StreamState kept = StreamState.of(tokens(START, at(60), 1200), NOW);
        Temporality.Step step = Temporality.step(kept, tokens(START, at(120), 1500), NOW);
        assertThat(step.delta()).hasValueSatisfying(delta -> {
            assertThat(delta.total()).isEqualTo(300);
            assertThat(delta.samples()).isEqualTo(1);
        });
    }

    @Test
    void a_counter_that_went_down_was_reset_and_counts_from_zero() {
        StreamState kept = StreamState.of(tokens(START, at(60), 1200), NOW);
        Temporality.Step step = Temporality.step(kept, tokens(START, at(120), 40), NOW);
        assertThat(step.delta()).hasValueSatisfying(delta -> assertThat(delta.total()).isEqualTo(40));
    }

    @Test
    void a_new_start_time_is_a_reset_even_when_the_value_grew() {
        StreamState kept = StreamState.of(tokens(START, at(60), 1200), NOW);
        Temporality.Step step = Temporality.step(kept, tokens(at(90), at(120), 5000), NOW);
        assertThat(step.delta()).hasValueSatisfying(delta -> assertThat(delta.total()).isEqualTo(5000));
    }

    @Test
    void a_point_no_newer_than_the_kept_one_counts_nothing() {
        StreamState kept = StreamState.of(tokens(START, at(120), 1500), NOW);
        assertThat(Temporality.step(kept, tokens(START, at(120), 1500), NOW)).isEqualTo(Temporality.Step.IGNORE);
        assertThat(Temporality.step(kept, tokens(START, at(60), 1200), NOW)).isEqualTo(Temporality.Step.IGNORE);
    }

    @Test
    void histogram_buckets_are_taken_bucket_by_bucket() {
        StreamState kept = StreamState.of(latency(START, at(60), 5, 1, 0), NOW);
        Temporality.Step step = Temporality.step(kept, latency(START, at(120), 6, 4, 2), NOW);
        assertThat(step.delta()).hasValueSatisfying(delta -> {
            assertThat(delta.hits()).containsExactly(1, 3, 2);
            assertThat(delta.samples()).isEqualTo(6);
        });
    }

    @Test
    void a_histogram_whose_bucket_went_down_was_reset() {
        StreamState kept = StreamState.of(latency(START, at(60), 5, 1, 0), NOW);
        Temporality.Step step = Temporality.step(kept, latency(START, at(120), 0, 9, 0), NOW);
        assertThat(step.delta()).hasValueSatisfying(delta -> assertThat(delta.hits()).containsExactly(0, 9, 0));
    }
}
