package dev.threeam.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Measures a peak the same way for every target: wrk for the warm-up (discarded), then wrk for the measured window
 * with the targets' CPU read around it, and, when profiling, a JFR recording of a second window of the same load
 * right after it (never of the measured one: the recording costs the bot throughput).
 */
final class Peaks {

    static final int WARMUP_ROUNDS = 8;
    private static final double STEADY = 0.15;
    /** A round this much faster than the one before is still warming up. */
    private static final double CLIMBING = 0.05;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Wrk wrk;
    private final Duration warmup;
    private final Duration measure;
    private final Profiler profiler;

    Peaks(Wrk wrk, Duration warmup, Duration measure, Profiler profiler) {
        this.wrk = wrk;
        this.warmup = warmup;
        this.measure = measure;
        this.profiler = profiler;
    }

    Wrk wrk() {
        return wrk;
    }

    Duration warmup() {
        return warmup;
    }

    Duration measure() {
        return measure;
    }

    /** Warms {@code targets} up with the same load, then measures; {@code profile} names a JFR recording, or null. */
    Peak measure(String name, List<Target> targets, String path, Path bodies, String token, int alertsPerRequest, String profile)
            throws IOException, InterruptedException {
        warm(name, targets.stream().map(target -> target.url(path)).toList(), bodies, token);
        return measureWarm(name, wrk, targets, path, bodies, token, alertsPerRequest, profile);
    }

    /**
     * wrk for the warm-up time, at least twice and until a round is no more than 5% faster than the one before and
     * at most 15% slower (and served at least 10 requests per connection), {@value #WARMUP_ROUNDS} rounds at most: a
     * JIT still compiling, or a bot still opening its first incidents on a loaded machine, is not measured as its
     * steady state. Rounds still climbing are not steady however close two of them are: two replicas' JVMs on 2
     * cores climbed 1,160 → 1,420 → 2,050 → 2,850 → 3,730 → 4,930 requests/s over rounds of 10–12 s.
     */
    void warm(String name, List<String> urls, Path bodies, String token) throws IOException, InterruptedException {
        if (warmup.isZero()) {
            return;
        }
        double previous = Double.NaN;
        for (int round = 1; round <= WARMUP_ROUNDS; round++) {
            Wrk.Run run = wrk.run(urls, bodies, token, warmup);
            drain(name, urls, bodies, token);
            double rate = run.okPerSecond();
            boolean enough = run.requests() - run.statusErrors() >= 10L * wrk.connections();
            if (round > 1 && enough && rate <= previous * (1 + CLIMBING) && rate >= previous * (1 - STEADY)) {
                return;
            }
            previous = rate;
        }
        System.out.printf("  %s was not steady after %d warm-up rounds of %d s (last %.0f requests/s); measuring anyway%n", name,
                WARMUP_ROUNDS, warmup.toSeconds(), previous);
    }

    /**
     * wrk stops with requests still in flight, and the bot still has to write them. One more request per target,
     * answered in turn after them (3am's writer is first in, first out), waits that backlog out so it does not
     * land in the measured window.
     */
    private static void drain(String name, List<String> urls, Path bodies, String token) throws IOException, InterruptedException {
        byte[] body;
        try (var lines = java.nio.file.Files.lines(bodies)) {
            body = lines.findFirst().orElse("").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        long started = System.nanoTime();
        for (String url : urls) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(DRAIN_TIMEOUT)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                System.out.println("  " + name + ": the request after the warm-up failed: " + e);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (seconds > 1) {
            System.out.printf("  %s took %.1f s to answer the warm-up's last requests%n", name, seconds);
        }
    }

    /** Measures without a warm-up of its own (the targets were just warmed up with this load). */
    Peak measureWarm(String name, Wrk with, List<Target> targets, String path, Path bodies, String token, int alertsPerRequest,
                     String profile) throws IOException, InterruptedException {
        List<String> urls = targets.stream().map(target -> target.url(path)).toList();
        Usage usage = Usage.start(targets.stream().map(target -> target.process).toList());
        Wrk.Run run = with.run(urls, bodies, token, measure);
        Usage.Window window = usage.stop();
        Profile summary = null;
        if (profile != null && profiler.enabled()) {
            // a window of its own: the recording (park and socket events at 1 ms) slows the bot it watches
            drain(name, urls, bodies, token);
            Profiler.Recording recording = profiler.start(targets.get(0), profile);
            Wrk.Run profiled = with.run(urls, bodies, token, measure);
            summary = recording == null ? null : recording.stop();
            System.out.printf("  %s profiled in a second window of the same load: %.0f requests/s while recorded%n", name,
                    profiled.okPerSecond());
        }
        Peak peak = new Peak(name, alertsPerRequest, Math.max(with.threads(), urls.size()), with.connections(), run, window, summary);
        System.out.println("  " + peak.line());
        return peak;
    }
}
