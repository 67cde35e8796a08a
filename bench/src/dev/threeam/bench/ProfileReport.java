package dev.threeam.bench;

import java.util.List;
import java.util.Locale;

/** The report's profile section (BENCH_PROFILE=1): the heads of each summary; the whole summary is in target/bench/. */
final class ProfileReport {

    private static final int OWN = 10;
    private static final int THREADS = 6;
    private static final int WAITS = 5;

    private ProfileReport() {}

    static void profiles(StringBuilder out, List<Profile> profiles) {
        if (profiles == null || profiles.isEmpty()) {
            return;
        }
        out.append("\n## Profiles\n\nJFR recordings of 3am during the measured window of its peak runs (`BENCH_PROFILE=1`; started "
                + "and stopped with `jcmd`, the JDK's `profile` settings with monitor, park and socket-read thresholds at 1 ms). "
                + "The recording costs the bot a little throughput, so profiled peaks read slightly low. Whole summaries and the "
                + "`.jfr` files are in `target/bench/` (`jfr print --events jdk.ExecutionSample target/bench/profile-sqlite.jfr`).\n");
        for (Profile profile : profiles) {
            if (profile.error() != null) {
                out.append("\n**").append(profile.name()).append("**: ").append(profile.error()).append("\n");
                continue;
            }
            out.append(String.format(Locale.ROOT, "%n**%s**: %d execution samples (Java code running; every 10 ms per thread), "
                            + "%d native samples under a 3am frame (inside native code, e.g. SQLite and its fsync; every 20 ms); "
                            + "%d GC pauses, %.0f ms in total.%n%n", profile.name(), profile.samples(), profile.nativeSamples(), profile.gcPauses(), profile.gcPauseMs()));
            samples(out, "top frame (self time)", profile.topFrames(), Profile.TOP, profile.samples());
            samples(out, "innermost 3am frame", profile.ownFrames(), OWN, profile.samples());
            samples(out, "thread", profile.threads(), THREADS, profile.samples());
            samples(out, "native code under 3am, by 3am caller", profile.nativeFrames(), THREADS, profile.nativeSamples());
            out.append("| waited ≥ 1 ms (in 3am code) | events | total |\n|---|---:|---:|\n");
            waits(out, "monitor", profile.monitorWaits());
            waits(out, "park", profile.parks());
            waits(out, "socket read", profile.socketReads());
            out.append('\n');
        }
    }

    private static void samples(StringBuilder out, String title, List<Profile.Row> rows, int limit, long total) {
        out.append("| ").append(title).append(" | samples | share |\n|---|---:|---:|\n");
        rows.stream().limit(limit).forEach(row -> out.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f%% |%n", row.what(),
                row.count(), 100.0 * row.count() / Math.max(1, total))));
        out.append('\n');
    }

    private static void waits(StringBuilder out, String kind, List<Profile.Row> rows) {
        if (rows.isEmpty()) {
            out.append("| ").append(kind).append(": none | | |\n");
        }
        rows.stream().limit(WAITS).forEach(row -> out.append(String.format(Locale.ROOT, "| %s: `%s` | %d | %.0f ms |%n", kind, row.what(),
                row.count(), row.totalMs())));
    }
}
