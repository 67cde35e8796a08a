package dev.threeam.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    static final double TOP = Double.MAX_VALUE;

    @Test
    void p95_is_interpolated_inside_the_bucket_the_rank_falls_in() {
        // 100 samples: 90 under 1 s, 10 between 4 and 8 s; rank 95 is half way into the (4, 8] bucket
        List<Percentiles.Bucket> buckets = List.of(new Percentiles.Bucket(1, 90), new Percentiles.Bucket(2, 0),
                new Percentiles.Bucket(4, 0), new Percentiles.Bucket(8, 10), new Percentiles.Bucket(TOP, 0));
        assertThat(Percentiles.quantile(0.95, buckets)).isCloseTo(6.0, within(1e-9));
    }

    @Test
    void a_rank_in_the_open_top_bucket_answers_the_highest_finite_bound() {
        List<Percentiles.Bucket> buckets = List.of(new Percentiles.Bucket(1, 1), new Percentiles.Bucket(4, 1),
                new Percentiles.Bucket(TOP, 98));
        assertThat(Percentiles.quantile(0.95, buckets)).isEqualTo(4.0);
    }

    @Test
    void the_first_bucket_starts_at_zero() {
        assertThat(Percentiles.quantile(0.5, List.of(new Percentiles.Bucket(2, 10), new Percentiles.Bucket(TOP, 0)))).isEqualTo(1.0);
    }

    @Test
    void no_samples_is_no_answer() {
        assertThat(Percentiles.quantile(0.95, List.of(new Percentiles.Bucket(1, 0)))).isNaN();
        assertThat(Percentiles.quantile(0.95, List.of())).isNaN();
    }
}
