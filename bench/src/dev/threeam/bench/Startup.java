package dev.threeam.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up: {@code java -jar threeam.jar} in sandbox mode (no settings, SQLite in an empty folder, the project's
 * runbooks), timed from process start to the first 200 from {@code /readyz}; then RSS after it has idled.
 */
final class Startup {

    /** Median and worst of {@code runs} starts, and RSS measured {@code idle} after the last one was ready. */
    record Result(int runs, double medianMs, double worstMs, double idleRssMib, double idleSeconds) {}

    private final Launcher launcher;
    private final Path runbooks;

    Startup(Launcher launcher, Path runbooks) {
        this.launcher = launcher;
        this.runbooks = runbooks;
    }

    Result run(int runs, Duration idle) throws Exception {
        List<Double> times = new ArrayList<>();
        double idleRss = 0;
        for (int run = 1; run <= runs; run++) {
            try (Target bot = launcher.sandbox("startup", runbooks)) {
                times.add(bot.awaitReady("/readyz", Duration.ofSeconds(60)));
                if (run == runs) {
                    Thread.sleep(idle.toMillis());
                    idleRss = bot.rssMib();
                }
            }
        }
        List<Double> sorted = times.stream().sorted().toList();
        Result result = new Result(runs, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), idleRss, idle.toSeconds());
        System.out.printf("  ready in %s ms; idle RSS %.0f MiB after %d s%n", sorted.stream().map(t -> String.format("%.0f", t)).toList(),
                idleRss, idle.toSeconds());
        return result;
    }
}
