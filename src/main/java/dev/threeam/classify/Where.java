package dev.threeam.classify;

/**
 * Where in an alert a signal was read, and how much it counts: what the alert is named after weighs most,
 * then the metric it is built on, then its labels, then the free text engineers wrote.
 */
enum Where {
    NAME(1.0, 0.9),
    METRIC(0.9, 0.85),
    LABEL(0.8, 0.75),
    TEXT(0.6, 0.65);

    private final double weight;
    private final double confidence;

    Where(double weight, double confidence) {
        this.weight = weight;
        this.confidence = confidence;
    }

    double weight() {
        return weight;
    }

    /** The confidence of a classification whose strongest signal was read here. */
    double confidence() {
        return confidence;
    }
}
