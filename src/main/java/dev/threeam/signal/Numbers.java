package dev.threeam.signal;

import java.math.BigDecimal;
import java.util.Locale;

/** How measured numbers read in titles and evidence: {@code $212}, {@code 4.2M}, {@code 6.3 s}, {@code 0.62}. */
final class Numbers {

    private Numbers() {}

    /** A number as written in a runbook: {@code 0.85}, {@code 150}. */
    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Dollars: whole above 100 ($212), cents below ($12.40). */
    static String usd(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "$%,.0f", value) : String.format(Locale.ROOT, "$%,.2f", value);
    }

    /** Large counts shortened: 950, 12.5k, 4.2M. */
    static String count(double value) {
        if (Math.abs(value) >= 1_000_000) {
            return trim(String.format(Locale.ROOT, "%.1f", value / 1_000_000)) + "M";
        }
        if (Math.abs(value) >= 10_000) {
            return trim(String.format(Locale.ROOT, "%.1f", value / 1_000)) + "k";
        }
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String seconds(double value) {
        return (value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : trim(String.format(Locale.ROOT, "%.2f", value))) + " s";
    }

    /** A score or rate with two decimals, trailing zeros dropped: 0.62, 0.7. */
    static String score(double value) {
        return trim(String.format(Locale.ROOT, "%.3f", value));
    }

    static String percent(double ratio) {
        return trim(String.format(Locale.ROOT, "%.1f", ratio * 100)) + "%";
    }

    /** A window in words: 30 s, 10 min, 1 h, 24 h. */
    static String window(java.time.Duration window) {
        long seconds = window.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    private static String trim(String number) {
        return number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
    }
}
