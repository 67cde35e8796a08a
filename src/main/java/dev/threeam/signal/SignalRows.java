package dev.threeam.signal;

import java.time.Instant;

/** The rows {@link SignalStore} reads and writes. */
public final class SignalRows {

    private SignalRows() {}

    /** What one minute adds to a series. */
    public record Minute(String workflow, String series, Instant minuteAt, double total, long samples, long errors) {}

    /** What one minute adds to a histogram bucket. */
    public record Bucket(String workflow, String series, Instant minuteAt, double le, long hits) {}

    /** A series summed over a window. */
    public record Totals(String series, double total, long samples, long errors) {}

    /** A bucket summed over a window. */
    public record BucketTotal(double le, long hits) {}

    /** A threshold that is not simply within bounds: pending, firing or recovering, since when. */
    public record Breach(String workflow, String threshold, String phase, Instant since, Instant breachStarted) {}

    /** A series a workflow has sent: when last, and how many samples are kept (for {@code check}). */
    public record Seen(String series, Instant lastAt, long samples) {}
}
