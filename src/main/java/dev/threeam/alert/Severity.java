package dev.threeam.alert;

import dev.threeam.common.Identified;
import java.util.Locale;
import java.util.Set;

/** How bad an alert is, normalised from the many ways sources say it: critical, warning or info. */
public enum Severity implements Identified {
    CRITICAL,
    WARNING,
    INFO;

    private static final Set<String> CRITICAL_WORDS = Set.of(
            "critical", "crit", "page", "pager", "paging", "emergency", "urgent", "fatal", "disaster", "high",
            "p0", "p1", "sev0", "sev1", "s0", "s1", "0", "1");
    private static final Set<String> INFO_WORDS = Set.of(
            "info", "informational", "information", "low", "none", "notice", "debug", "ok",
            "p4", "p5", "sev4", "sev5", "s4", "s5", "4", "5");

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code page}, {@code P1}, {@code high} → critical; {@code info}, {@code low}, {@code P4} → info; else warning. */
    public static Severity normalize(String raw) {
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

    @Override
    public String toString() {
        return id();
    }
}
