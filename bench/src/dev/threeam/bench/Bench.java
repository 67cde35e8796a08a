package dev.threeam.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the bench and writes the report: {@code Bench JAR CLASSES WORK_DIR REPORT.md COMMAND}. bench/run.sh builds
 * everything and calls it; the settings (environment variables) are listed in bench/README.md. The JVM exits when
 * the report is written: every server, pool and client it started is closed, and a thread left running by mistake
 * is named on the way out instead of keeping the script from returning.
 */
public final class Bench {

    static final String ALL_PARTS = "classify,ingestion,webhooks,latency,storm,card,startup,otlp";

    private Bench() {}

    public static void main(String[] args) {
        int status;
        try {
            run(args);
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        List<String> left = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon() && thread != Thread.currentThread()
                        && !thread.getName().equals("DestroyJavaVM"))
                .map(Thread::getName).sorted().toList();
        if (!left.isEmpty()) {
            System.out.println("warning: threads still running at the end (a leak in the bench): " + left);
        }
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path project = jar.getParent().getParent();
        Path workDir = Files.createDirectories(Path.of(args[2]).toAbsolutePath());
        Path report = Path.of(args[3]);
        Set<String> parts = Set.copyOf(Arrays.asList(env.getOrDefault("BENCH_PARTS", ALL_PARTS).replace(" ", "").split(",")));
        Duration warmup = Duration.ofSeconds(number(env, "BENCH_WARMUP_SECONDS", 10));
        Duration measure = Duration.ofSeconds(number(env, "BENCH_SECONDS", 15));
        int connections = number(env, "BENCH_CONNECTIONS", 64);
        // the fixed-rate generator needs connections to spare: at rate r and latency l, r × l are in flight (Little),
        // and a request waiting for a free connection is counted as late, so 64 would bound the curve, not the bot
        int curveConnections = number(env, "BENCH_CURVE_CONNECTIONS", 256);
        int wrkThreads = number(env, "BENCH_WRK_THREADS", 2);
        Duration curveMain = Duration.ofSeconds(number(env, "BENCH_CURVE_SECONDS", 60));
        Duration curveOther = Duration.ofSeconds(number(env, "BENCH_CURVE_OTHER_SECONDS", 30));
        Duration slice = Duration.ofSeconds(10);
        int cardIncidents = number(env, "BENCH_CARD_INCIDENTS", 1000);
        int cardRate = number(env, "BENCH_CARD_RATE", 10);
        int stormAlerts = number(env, "BENCH_STORM_ALERTS", 100_000);
        int stormBatch = number(env, "BENCH_STORM_BATCH", 100);
        boolean profile = "1".equals(env.getOrDefault("BENCH_PROFILE", "0").trim());
        String pgHost = env.getOrDefault("BENCH_PG_HOST", "127.0.0.1");
        pgHost = pgHost.isBlank() ? null : pgHost;
        String pgPort = env.getOrDefault("BENCH_PG_PORT", "5432");
        String pgUser = env.getOrDefault("BENCH_PG_USER", "postgres");
        List<String> javaOptions = env.getOrDefault("BOT_JAVA_OPTS", "").isBlank() ? List.of()
                : List.of(env.get("BOT_JAVA_OPTS").trim().split("\\s+"));
        List<Path> corpus = env.containsKey("BENCH_CORPUS") && !env.get("BENCH_CORPUS").isBlank()
                ? Arrays.stream(env.get("BENCH_CORPUS").split(":")).map(Path::of).toList()
                : ClassifyTiming.corpusFolders(project.resolve("corpus"));
        String settings = String.format("parts %s; peaks: wrk %d threads, %d connections, %d s warm-up + %d s measured per target; "
                        + "latency curve: %d connections, warm-up with wrk as the peaks, then %d s at 50%%, then 50%% / 80%% / 95%% of each peak for %d / %d / %d s "
                        + "(p99 per %d s slice); storm %,d alerts in webhooks of %d; card latency %d incidents at %d/s; profiles %s; "
                        + "3am JVM options: %s", String.join(",", parts.stream().sorted().toList()), wrkThreads, connections,
                warmup.toSeconds(), measure.toSeconds(), curveConnections, warmup.toSeconds(), curveOther.toSeconds(), curveMain.toSeconds(),
                curveOther.toSeconds(), slice.toSeconds(), stormAlerts, stormBatch, cardIncidents, cardRate, profile ? "on (JFR)" : "off",
                javaOptions.isEmpty() ? "none (JVM defaults)" : String.join(" ", javaOptions));

        Instant date = Instant.now();
        long started = System.nanoTime();
        String loadAtStart = Usage.loadAverage();
        Path runbooks = BenchRunbooks.write(workDir.resolve("runbooks"));
        Launcher launcher = new Launcher(jar, Path.of(args[1]), workDir, runbooks, javaOptions);
        Machine machine = Machine.describe(pgHost, pgPort, pgUser, workDir);
        Profiler profiler = new Profiler(profile, workDir);
        Wrk wrk = new Wrk(project.resolve("bench/wrk/post.lua"), wrkThreads, connections, workDir.resolve("wrk.log"));
        Peaks peaks = new Peaks(wrk, warmup, measure, profiler);
        LoadBodies bodies = LoadBodies.write(workDir);
        try (Databases databases = new Databases(workDir, pgHost, pgPort, pgUser)) {
            ClassifyTiming.Result classify = null;
            if (parts.contains("classify")) {
                System.out.println("classification (in this JVM, " + (corpus.isEmpty() ? "synthetic alerts" : corpus) + ")");
                classify = ClassifyTiming.run(corpus, project.resolve("runbooks"), Duration.ofSeconds(3), Duration.ofSeconds(5));
            }
            boolean peaksWanted = parts.contains("ingestion") || parts.contains("webhooks") || parts.contains("latency");
            if (peaksWanted && !Wrk.available()) {
                System.out.println("wrk is not installed (bench/run.sh installs it with apt as root): peak ingestion, webhooks of 100 "
                        + "and the latency curve (which needs the peaks) are skipped");
            }
            Ingestion.Results ingestion = null;
            Ingestion ingest = new Ingestion(launcher, peaks, databases, bodies);
            if (Wrk.available() && parts.contains("ingestion")) {
                System.out.println("peak ingestion, one alert per request (wrk; " + warmup.toSeconds() + " s warm-up + " + measure.toSeconds()
                        + " s per target)");
                ingestion = ingest.run(true);
            }
            Batches.Results batches = null;
            if (Wrk.available() && parts.contains("webhooks")) {
                System.out.println("webhooks of 100 alerts (wrk)");
                batches = new Batches(launcher, peaks, databases, bodies).run();
            }
            List<LatencyCurve.Curve> curves = null;
            if (Wrk.available() && parts.contains("latency")) {
                if (ingestion == null) {
                    System.out.println("peaks for the latency curve (wrk; ingestion is not among the parts)");
                    ingestion = ingest.run(false);
                }
                curves = new ArrayList<>();
                LatencyCurve curve = new LatencyCurve(launcher, peaks, new LoadGenerator(curveConnections, Launcher.WEBHOOK_TOKEN),
                        bodies.singleWebhook(), bodies.singleWebhookBodies(), warmup, curveMain, curveOther, slice);
                System.out.println("latency curve, SQLite (fixed rate at 50/80/95% of " + Math.round(ingestion.sqlite().alertsPerSecond()) + "/s)");
                curves.add(curve.run("sqlite", databases.sqlite("curve"), ingestion.sqlite().alertsPerSecond(), curveConnections));
                String postgres = databases.postgres("curve");
                if (postgres != null && ingestion.postgres() != null) {
                    System.out.println("latency curve, PostgreSQL (fixed rate at 50/80/95% of " + Math.round(ingestion.postgres().alertsPerSecond())
                            + "/s)");
                    curves.add(curve.run("postgres", postgres, ingestion.postgres().alertsPerSecond(), curveConnections));
                }
            }
            Storm.Result storm = null;
            if (parts.contains("storm")) {
                System.out.println("storm (" + stormAlerts + " alerts in 4 groups)");
                storm = new Storm(launcher, databases.sqlite("storm")).run(stormAlerts, stormBatch, Duration.ofSeconds(180));
                System.out.printf("  calls %s; root posts %d; card updates %d (max %d per 5 s); peak RSS %.0f MiB%n", storm.calls(),
                        storm.rootPosts(), storm.cardUpdates(), storm.maxCardUpdatesPer5s(), storm.peakRssMib());
            }
            CardLatency.Result card = null;
            if (parts.contains("card")) {
                System.out.println("alert to card (" + cardIncidents + " incidents at " + cardRate + "/s)");
                card = new CardLatency(launcher, databases.sqlite("card")).run(cardIncidents, 50, cardRate);
                System.out.printf("  p50 %s  p99 %s  max %s  missing %d; %d chat.postMessage at %.0f/s%n", Targets.ms(card.p50Ms()),
                        Targets.ms(card.p99Ms()), Targets.ms(card.maxMs()), card.missing(), card.posts(), card.postsPerSecond());
            }
            Startup.Result startup = null;
            if (parts.contains("startup")) {
                System.out.println("start-up (sandbox mode)");
                startup = new Startup(launcher, project.resolve("runbooks")).run(3, Duration.ofSeconds(10));
            }
            Otlp.Result otlp = null;
            if (parts.contains("otlp")) {
                System.out.println("OTLP metrics (protobuf, then JSON)");
                otlp = Otlp.run(jar, workDir.resolve("otlp"), ingestion == null || ingestion.floor() == null ? Double.NaN : ingestion.floor().alertsPerSecond(), warmup, measure,
                        Otlp.PRODUCTION_HEAP);
            }
            List<Profile> profiles = new ArrayList<>();
            if (ingestion != null) {
                for (Peak peak : Arrays.asList(ingestion.sqlite(), ingestion.postgres())) {
                    if (peak != null && peak.profile() != null) {
                        profiles.add(peak.profile());
                    }
                }
            }
            Results results = new Results(date, machine, args[4], settings, javaOptions, loadAtStart, Usage.loadAverage(),
                    (System.nanoTime() - started) / 60e9, ingestion, batches, curves, storm, classify, card, startup, profiles, otlp);
            Report.write(results, report);
            System.out.println();
            Targets.check(results).forEach(check -> System.out.println(
                    (check.met() == null ? "  -   " : check.met() ? "  met " : "  MISS") + "  " + check.target() + ": " + check.measured()));
            System.out.printf("%nwrote %s and %s in %.1f minutes%n", report, report.resolveSibling(Report.CHART), results.minutes());
        }
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
