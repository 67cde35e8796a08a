package dev.threeam.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server process under test: started with its own environment and log file, polled until ready, stopped. */
final class Target implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    /** Every process started, so that none outlives the bench, even when it is interrupted (Ctrl-C). */
    private static final java.util.Set<Process> STARTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly), "stop-targets"));
    }

    final String name;
    final int port;
    final Process process;
    final long startedNanos;

    private Target(String name, int port, Process process, long startedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    static Target start(String name, int port, List<String> command, Map<String, String> environment, Path log, Path workDir)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().keySet().removeIf(key -> key.startsWith("SLACK_") || key.equals("DATABASE_URL")
                || key.equals("WEBHOOK_TOKEN") || key.equals("PORT") || key.equals("RUNBOOKS_DIR"));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        STARTED.add(process);
        return new Target(name, port, process, started);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Polls {@code path} every 10 ms until it answers 200; returns the time from process start, in ms. */
    double awaitReady(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(1)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready");
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e6;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(name + " was not ready at " + url(path) + " within " + timeout);
    }

    String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Peak resident set (VmHWM) in MiB, from /proc. */
    double peakRssMib() throws IOException {
        return procStatus("VmHWM:");
    }

    /** Current resident set (VmRSS) in MiB, from /proc. */
    double rssMib() throws IOException {
        return procStatus("VmRSS:");
    }

    private double procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) / 1024.0;
            }
        }
        throw new IOException(field + " not found for pid " + process.pid());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        STARTED.remove(process);
    }
}
