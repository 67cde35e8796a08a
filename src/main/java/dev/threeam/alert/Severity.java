package dev.threeam.alert;

import java.util.Locale;
import java.util.Set;

/** Normalizes the many ways sources say how bad an alert is to {@code critical}, {@code warning} or {@code info}. */
final class Severity {

    static final String CRITICAL = "critical";
    static final String WARNING = "warning";
    static final String INFO = "info";

    private static final Set<String> CRITICAL_WORDS = Set.of(
            "critical", "crit", "page", "pager", "paging", "emergency", "urgent", "fatal", "disaster", "high",
            "p0", "p1", "sev0", "sev1", "s0", "s1", "0", "1");
    private static final Set<String> INFO_WORDS = Set.of(
            "info", "informational", "information", "low", "none", "notice", "debug", "ok",
            "p4", "p5", "sev4", "sev5", "s4", "s5", "4", "5");

    private Severity() {}

    /** {@code page}, {@code P1}, {@code high} → critical; {@code info}, {@code low}, {@code P4} → info; else warning. */
    static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return WARNING;
        }
        String word = raw.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
        if (CRITICAL_WORDS.contains(word)) {
            return CRITICAL;
        }
        if (INFO_WORDS.contains(word)) {
            return INFO;
        }
        return WARNING;
    }
}
