package dev.threeam.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the whole bench and writes the report: {@code Bench JAR CLASSES WORK_DIR REPORT.md COMMAND}. bench/run.sh builds
 * everything and calls it. Settings (environment, with defaults): BENCH_PARTS (ingestion,card,storm,startup),
 * BENCH_WARMUP_SECONDS 5, BENCH_SECONDS 15, BENCH_CARD_INCIDENTS 1000, BENCH_CARD_RATE 20, BENCH_STORM_ALERTS 100000,
 * BENCH_STORM_BATCH 100, BENCH_PG_HOST 127.0.0.1 (empty: no PostgreSQL), BENCH_PG_PORT 5432, BENCH_PG_USER postgres,
 * BOT_JAVA_OPTS (JVM options for 3am and the floor; none by default).
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path jar = Path.of(args[0]);
        Path workDir = Files.createDirectories(Path.of(args[2]).toAbsolutePath());
        Path report = Path.of(args[3]);
        Set<String> parts = Set.copyOf(Arrays.asList(env.getOrDefault("BENCH_PARTS", "ingestion,card,storm,startup").split(",")));
        int warmup = number(env, "BENCH_WARMUP_SECONDS", 5);
        int seconds = number(env, "BENCH_SECONDS", 15);
        int cardIncidents = number(env, "BENCH_CARD_INCIDENTS", 1000);
        int cardRate = number(env, "BENCH_CARD_RATE", 10);
        int stormAlerts = number(env, "BENCH_STORM_ALERTS", 100_000);
        int stormBatch = number(env, "BENCH_STORM_BATCH", 100);
        String pgHost = env.getOrDefault("BENCH_PG_HOST", "127.0.0.1");
        pgHost = pgHost.isBlank() ? null : pgHost;
        String pgPort = env.getOrDefault("BENCH_PG_PORT", "5432");
        String pgUser = env.getOrDefault("BENCH_PG_USER", "postgres");
        List<String> javaOptions = env.getOrDefault("BOT_JAVA_OPTS", "").isBlank() ? List.of()
                : List.of(env.get("BOT_JAVA_OPTS").trim().split("\\s+"));
        String settings = String.format("parts %s; ingestion %d s warm-up + %d s measured per target; card latency %d incidents at %d/s; "
                        + "storm %,d alerts in webhooks of %d; 3am JVM options: %s", String.join(",", parts.stream().sorted().toList()),
                warmup, seconds, cardIncidents, cardRate, stormAlerts, stormBatch, javaOptions.isEmpty() ? "none (JVM defaults)" : javaOptions);

        Path runbooks = BenchRunbooks.write(workDir.resolve("runbooks"));
        Launcher launcher = new Launcher(jar, Path.of(args[1]), workDir, runbooks, javaOptions);
        Instant date = Instant.now();
        Machine machine = Machine.describe(pgHost, pgPort, pgUser);
        try (Databases databases = new Databases(workDir, pgHost, pgPort, pgUser)) {
            Ingestion.Results ingestion = null;
            if (parts.contains("ingestion")) {
                System.out.println("ingestion (" + warmup + " s warm-up + " + seconds + " s per target)");
                ingestion = new Ingestion(launcher, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), databases).run();
            }
            CardLatency.Result card = null;
            if (parts.contains("card")) {
                System.out.println("alert to card (" + cardIncidents + " incidents at " + cardRate + "/s)");
                card = new CardLatency(launcher, databases.sqlite("card")).run(cardIncidents, 50, cardRate);
                System.out.printf("  p50 %s  p99 %s  max %s  missing %d; %d chat.postMessage at %.0f/s%n", Targets.ms(card.p50Ms()),
                        Targets.ms(card.p99Ms()), Targets.ms(card.maxMs()), card.missing(), card.posts(), card.postsPerSecond());
            }
            Storm.Result storm = null;
            if (parts.contains("storm")) {
                System.out.println("storm (" + stormAlerts + " alerts in 4 groups)");
                storm = new Storm(launcher, databases.sqlite("storm")).run(stormAlerts, stormBatch, Duration.ofSeconds(180));
                System.out.printf("  calls %s; root posts %d; card updates %d (max %d per 5 s); peak RSS %.0f MiB%n", storm.calls(),
                        storm.rootPosts(), storm.cardUpdates(), storm.maxCardUpdatesPer5s(), storm.peakRssMib());
            }
            Startup.Result startup = null;
            if (parts.contains("startup")) {
                System.out.println("start-up (sandbox mode)");
                startup = new Startup(launcher, jar.toAbsolutePath().getParent().getParent().resolve("runbooks")).run(3, Duration.ofSeconds(10));
            }
            Results results = new Results(date, machine, args[4], settings, ingestion, card, storm, startup);
            Report.write(results, report);
            System.out.println();
            Targets.check(results).forEach(check -> System.out.println(
                    (check.met() == null ? "  -   " : check.met() ? "  met " : "  MISS") + "  " + check.target() + ": " + check.measured()));
            System.out.println("\nwrote " + report + " and " + report.resolveSibling(Report.CHART));
        }
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
