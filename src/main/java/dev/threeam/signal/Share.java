package dev.threeam.signal;

/**
 * Where a data point counts: a series of its workflow ({@code tokens}, {@code usd}, {@code latency},
 * {@code quality:faithfulness}, {@code tool:lookup_order}), its total multiplied by {@code factor} (a price per token,
 * 1 otherwise), and, when {@code errors}, every sample also counted as an error (a tool call with {@code error.type}).
 */
record Share(String series, double factor, boolean errors) {

    static Share of(String series) {
        return new Share(series, 1, false);
    }
}
