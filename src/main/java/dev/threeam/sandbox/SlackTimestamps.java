package dev.threeam.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Message timestamps as Slack writes them ({@code "1764288000.000100"}): from the clock, unique and increasing. */
final class SlackTimestamps {

    private final Clock clock;
    private final AtomicLong lastMicros = new AtomicLong();

    SlackTimestamps(Clock clock) {
        this.clock = clock;
    }

    String next() {
        Instant now = clock.instant();
        long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L;
        long micros = lastMicros.updateAndGet(last -> Math.max(last + 100, nowMicros));
        return format(micros);
    }

    static String format(long micros) {
        return String.format("%d.%06d", micros / 1_000_000L, micros % 1_000_000L);
    }

    /** Orders two Slack timestamps numerically ({@code "0"} and {@code "1764288000"} are valid bounds too). */
    static int compare(String left, String right) {
        return number(left).compareTo(number(right));
    }

    private static BigDecimal number(String ts) {
        try {
            return new BigDecimal(ts);
        } catch (NumberFormatException e) {
            throw new SlackApiError("invalid_ts");
        }
    }
}
