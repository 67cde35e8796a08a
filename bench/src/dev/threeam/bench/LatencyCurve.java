package dev.threeam.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The latency curve of one database: a fresh bot and database, warmed up at 50% of the peak wrk measured, then the
 * fixed-rate generator at 50%, 80% and 95% of that peak in turn, each level's p99 also per slice of the window.
 */
final class LatencyCurve {

    /** One level: the share of the peak offered, what the generator measured, what the window cost the bot. */
    record Level(double fraction, FixedRateResult result, Usage.Window usage) {}

    /** {@code peak}: alerts/s wrk measured for this database in the same run. */
    record Curve(String database, double peak, int connections, List<Level> levels) {
        Level at(double fraction) {
            return levels.stream().filter(level -> level.fraction() == fraction).findFirst().orElse(null);
        }
    }

    static final double[] FRACTIONS = {0.5, 0.8, 0.95};
    private static final Duration LEAD_IN = Duration.ofSeconds(2);

    private final Launcher launcher;
    private final Peaks peaks;
    private final LoadGenerator generator;
    private final java.nio.file.Path bodiesFile;
    private final List<byte[]> bodies;
    private final Duration warmup;
    private final Duration main;
    private final Duration other;
    private final Duration slice;

    LatencyCurve(Launcher launcher, Peaks peaks, LoadGenerator generator, java.nio.file.Path bodiesFile, List<byte[]> bodies,
                 Duration warmup, Duration main, Duration other, Duration slice) {
        this.launcher = launcher;
        this.peaks = peaks;
        this.generator = generator;
        this.bodiesFile = bodiesFile;
        this.bodies = bodies;
        this.warmup = warmup;
        this.main = main;
        this.other = other;
        this.slice = slice;
    }

    Curve run(String database, String databaseUrl, double peak, int connections) throws Exception {
        String name = "3am " + database;
        try (FakeSlack slack = FakeSlack.start(); Target bot = launcher.threeAm(name + " curve", databaseUrl, slack, Map.of())) {
            String url = bot.url("/alerts/alertmanager");
            // a fresh JVM is warmed up the way the peaks were (wrk until two rounds agree), so a level does not
            // measure the JIT; then the fixed rate at 50% lets wrk's backlog drain before the first level
            peaks.warm(name + " curve", List.of(url), bodiesFile, Launcher.WEBHOOK_TOKEN);
            if (!warmup.isZero()) {
                FixedRateResult warm = generator.run(name, url, bodies, Math.max(1, peak * 0.5), Duration.ZERO, warmup, warmup);
                System.out.printf("  warm-up %d s at %.0f/s: p99 %s%n", warmup.toSeconds(), warm.offeredRate(), Targets.ms(warm.p99Ms()));
            }
            List<Level> levels = new ArrayList<>();
            for (double fraction : FRACTIONS) {
                Usage usage = Usage.start(List.of(bot.process));
                FixedRateResult result = generator.run(name, url, bodies, Math.max(1, Math.floor(peak * fraction)), LEAD_IN,
                        fraction == 0.8 ? main : other, slice);
                levels.add(new Level(fraction, result, usage.stop()));
                System.out.println("  " + Math.round(fraction * 100) + "%  " + result.line());
                if (result.firstError() != null) {
                    System.out.println("       first error: " + result.firstError());
                }
                Thread.sleep(2_000);
            }
            return new Curve(database, peak, connections, levels);
        }
    }
}
