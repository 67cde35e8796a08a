package dev.threeam.signal;

import java.util.List;

/**
 * A quantile read from histogram buckets, the way Prometheus' {@code histogram_quantile} reads them: find the bucket
 * the rank falls in and interpolate linearly inside it; a rank in the open-ended top bucket answers the highest
 * finite bound (all that is known is "above it").
 */
final class Percentiles {

    private Percentiles() {}

    /** One bucket: its upper bound ({@link Double#MAX_VALUE} for the top one) and how many fell in it. */
    record Bucket(double le, long hits) {}

    /**
     * @param q       between 0 and 1 (0.95 for p95)
     * @param buckets by ascending upper bound; each counts what fell between the previous bound and its own
     * @return NaN when the buckets are empty
     */
    static double quantile(double q, List<Bucket> buckets) {
        long total = buckets.stream().mapToLong(Bucket::hits).sum();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        long below = 0;
        double lower = 0;
        double highestFinite = 0;
        for (Bucket bucket : buckets) {
            boolean top = bucket.le() >= Double.MAX_VALUE;
            if (!top) {
                highestFinite = bucket.le();
            }
            if (bucket.hits() > 0 && below + bucket.hits() >= rank) {
                if (top) {
                    return highestFinite;
                }
                double from = Math.min(lower, bucket.le());
                return from + (bucket.le() - from) * ((rank - below) / bucket.hits());
            }
            below += bucket.hits();
            if (!top) {
                lower = bucket.le();
            }
        }
        return highestFinite;
    }
}
