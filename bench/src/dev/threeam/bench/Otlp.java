package dev.threeam.bench;

import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What telemetry costs the bot: OTLP data points per second that 3am accepts on {@code POST /v1/metrics}, protobuf and
 * JSON, as a ratio to the alert-ingest floor measured in the same run (the bare-Javalin floor's alerts/s), and the
 * resident memory with 1,000 series held (10 workflows × 100 tools, the series cap per workflow).
 *
 * <p>Each export is a Collector-sized batch: {@value #WORKFLOWS} resources × {@value #TOOLS} histogram points of
 * {@code gen_ai.execute_tool.duration} (delta, 5 buckets, the tool's name and the workflow as attributes), every point
 * read by a runbook threshold ({@code tools.error_rate}), so none is dropped at the door. 3am runs from its jar in
 * sandbox mode on SQLite, alone on the machine, loaded by {@value #CONNECTIONS} keep-alive connections.
 *
 * <p>{@code java -cp target/bench-classes:target/threeam.jar dev.threeam.bench.Otlp target/threeam.jar target/bench/otlp [FLOOR_ALERTS_PER_S]}
 */
public final class Otlp {

    static final int WORKFLOWS = 10;
    static final int TOOLS = 100;
    static final int CONNECTIONS = 8;

    /** One encoding's run: points accepted per second, requests refused (503 when the intake is full) or failed. */
    public record Run(String encoding, int bodyBytes, long requests, long refused, long rejectedPoints, double pointsPerSecond) {}

    /** Both runs, the floor they are compared with (NaN when not measured), and the RSS after them. */
    public record Result(Run protobuf, Run json, double floorAlertsPerSecond, int series, double rssMib, List<String> javaOptions) {

        public double ratio(Run run) {
            return run.pointsPerSecond() / floorAlertsPerSecond;
        }

        /** The report's section, Markdown. */
        public String markdown() {
            StringBuilder out = new StringBuilder("## OTLP ingestion\n\n");
            out.append(String.format(Locale.ROOT, "Exports of %d histogram points (%d workflows × %d tools, delta, 5 buckets) on "
                    + "`POST /v1/metrics`, %d connections, 3am alone on SQLite (sandbox mode). Ratio: points accepted per second "
                    + "over the alert-ingest floor's alerts per second (%s).%n%n", WORKFLOWS * TOOLS, WORKFLOWS, TOOLS, CONNECTIONS,
                    Double.isNaN(floorAlertsPerSecond) ? "floor not measured in this run" : String.format(Locale.ROOT, "%,.0f/s", floorAlertsPerSecond)));
            out.append("| encoding | body | exports | refused (503) | points rejected | points accepted/s | × floor |\n");
            out.append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (Run run : List.of(protobuf, json)) {
                out.append(String.format(Locale.ROOT, "| %s | %,d B | %,d | %,d | %,d | %,.0f | %s |%n", run.encoding(), run.bodyBytes(),
                        run.requests(), run.refused(), run.rejectedPoints(), run.pointsPerSecond(),
                        Double.isNaN(floorAlertsPerSecond) ? "–" : String.format(Locale.ROOT, "%.1f", ratio(run))));
            }
            out.append(String.format(Locale.ROOT, "%nRSS with %,d series held (`threeam_otlp_series`), after both runs: %.0f MiB "
                    + "(JVM options: %s).%n", series, rssMib, javaOptions.isEmpty() ? "none" : String.join(" ", javaOptions)));
            return out.toString();
        }
    }

    /** The heap limit the README and the container image run 3am with. */
    public static final List<String> PRODUCTION_HEAP = List.of("-Xmx256m");

    private Otlp() {}

    public static void main(String[] args) throws Exception {
        double floor = args.length > 2 ? Double.parseDouble(args[2]) : Double.NaN;
        Result result = run(Path.of(args[0]), Path.of(args[1]), floor, Duration.ofSeconds(5), Duration.ofSeconds(15), PRODUCTION_HEAP);
        System.out.println(result.markdown());
    }

    /**
     * Starts 3am from {@code jar} in {@code workDir} with {@code javaOptions}, loads it with protobuf then JSON, reads how
     * many series it holds and its RSS, stops it.
     */
    public static Result run(Path jar, Path workDir, double floorAlertsPerSecond, Duration warmup, Duration measure,
                             List<String> javaOptions) throws Exception {
        Path dir = Files.createDirectories(workDir.toAbsolutePath());
        Path runbooks = writeRunbooks(Files.createDirectories(dir.resolve("runbooks")));
        Files.deleteIfExists(dir.resolve("otlp.db"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOptions);
        command.addAll(List.of("-Djava.awt.headless=true", "-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("3am.log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("SLACK_") || key.equals("WEBHOOK_TOKEN") || key.equals("DATABASE_URL"));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("HOST", "127.0.0.1");
        builder.environment().put("RUNBOOKS_DIR", runbooks.toString());
        builder.environment().put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("otlp.db"));
        Process bot = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitReady(bot, base + "/readyz");
            ExportMetricsServiceRequest export = export();
            byte[] protobuf = export.toByteArray();
            byte[] json = JsonFormat.printer().print(export).getBytes(StandardCharsets.UTF_8);
            Run protobufRun = load("protobuf", base + "/v1/metrics", "application/x-protobuf", protobuf, warmup, measure);
            Run jsonRun = load("json", base + "/v1/metrics", "application/json", json, warmup, measure);
            return new Result(protobufRun, jsonRun, floorAlertsPerSecond, seriesHeld(base), rssMib(bot.pid()), List.copyOf(javaOptions));
        } finally {
            bot.destroy();
            if (!bot.waitFor(20, TimeUnit.SECONDS)) {
                bot.destroyForcibly().waitFor();
            }
        }
    }

    /** {@value #WORKFLOWS} runbooks, each watching its tools' error rate (the points are healthy: nothing fires). */
    static Path writeRunbooks(Path dir) throws IOException {
        for (int workflow = 0; workflow < WORKFLOWS; workflow++) {
            Files.writeString(dir.resolve("otlp-" + workflow + ".md"), """
                    ---
                    workflow: otlp-%d
                    title: OTLP bench workflow %d
                    channel: C0OTLPBENCH
                    owners:
                      engineering: {slack: [U0ONCALL]}
                    escalation:
                      tool_failure: [engineering]
                    tools: {error_rate: "< 0.5", window: 5m}
                    ---
                    # OTLP bench workflow
                    """.formatted(workflow, workflow));
        }
        return dir;
    }

    /** One Collector batch: every workflow's resource with one histogram point per tool. */
    static ExportMetricsServiceRequest export() {
        long now = System.currentTimeMillis() * 1_000_000L;
        ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
        for (int workflow = 0; workflow < WORKFLOWS; workflow++) {
            Histogram.Builder histogram = Histogram.newBuilder().setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
            for (int tool = 0; tool < TOOLS; tool++) {
                histogram.addDataPoints(HistogramDataPoint.newBuilder()
                        .addAttributes(attribute("gen_ai.tool.name", "tool-" + tool))
                        .addAttributes(attribute("gen_ai.workflow.name", "otlp-" + workflow))
                        .addAttributes(attribute("gen_ai.operation.name", "execute_tool"))
                        .setStartTimeUnixNano(now - 10_000_000_000L).setTimeUnixNano(now)
                        .setCount(5).setSum(1.7)
                        .addAllExplicitBounds(List.of(0.05, 0.1, 0.5, 1.0))
                        .addAllBucketCounts(List.of(1L, 2L, 1L, 1L, 0L)));
            }
            request.addResourceMetrics(ResourceMetrics.newBuilder()
                    .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "otlp-" + workflow)))
                    .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(Metric.newBuilder()
                            .setName("gen_ai.execute_tool.duration").setUnit("s").setHistogram(histogram))));
        }
        return request.build();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    /** {@value #CONNECTIONS} threads sending the same export as fast as 3am answers; counts the measuring window only. */
    static Run load(String encoding, String url, String contentType, byte[] body, Duration warmup, Duration measure) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        int points = WORKFLOWS * TOOLS;
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        AtomicLong accepted = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int index = 0; index < CONNECTIONS; index++) {
            Thread thread = new Thread(() -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (sent < measureFrom) {
                            continue;
                        }
                        requests.incrementAndGet();
                        if (response.statusCode() != 200) {
                            refused.incrementAndGet();
                            continue;
                        }
                        long dropped = rejectedPoints(response.body(), contentType);
                        rejected.addAndGet(dropped);
                        accepted.addAndGet(points - dropped);
                    } catch (IOException e) {
                        if (sent >= measureFrom) {
                            requests.incrementAndGet();
                            refused.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "otlp-load");
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Run run = new Run(encoding, body.length, requests.get(), refused.get(), rejected.get(), accepted.get() / (measure.toNanos() / 1e9));
        System.out.printf(Locale.ROOT, "  otlp %-8s %,9.0f points/s  (%,d exports of %,d B, %,d refused, %,d points rejected)%n", encoding,
                run.pointsPerSecond(), run.requests(), run.bodyBytes(), run.refused(), run.rejectedPoints());
        return run;
    }

    private static long rejectedPoints(byte[] body, String contentType) throws IOException {
        ExportMetricsServiceResponse.Builder response = ExportMetricsServiceResponse.newBuilder();
        if (contentType.equals("application/json")) {
            JsonFormat.parser().ignoringUnknownFields().merge(new String(body, StandardCharsets.UTF_8), response);
        } else {
            response.mergeFrom(body);
        }
        return response.getPartialSuccess().getRejectedDataPoints();
    }

    private static void awaitReady(Process bot, String url) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!bot.isAlive()) {
                throw new IllegalStateException("3am exited with " + bot.exitValue() + " before it was ready");
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("3am was not ready at " + url + " within 60 s");
    }

    /** {@code threeam_otlp_series} from {@code /metrics}: the series 3am holds in memory. */
    private static int seriesHeld(String base) throws IOException, InterruptedException {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("threeam_otlp_series")).findFirst()
                .map(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).orElse(-1);
    }

    private static double rssMib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).trim().split("\\s+")[0]) / 1024.0;
            }
        }
        throw new IOException("VmRSS not found for pid " + pid);
    }
}
