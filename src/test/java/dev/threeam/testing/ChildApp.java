package dev.threeam.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real 3am in its own JVM ({@code dev.threeam.Main serve} on the test classpath), so tests can kill it with
 * {@code kill -9}, stop it with SIGTERM and read its log. Its stdout and stderr go to one file.
 */
public final class ChildApp implements AutoCloseable {

    /** The start-up line: {@code 3am is running on http://localhost:PORT …}, or in sandbox mode {@code … open http://localhost:PORT/sandbox}. */
    private static final Pattern RUNNING = Pattern.compile("3am is running (?:on|in sandbox mode .*?: open) http://localhost:(\\d+)");

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ChildApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code Main serve} with exactly these environment variables and waits until it answers. */
    public static ChildApp start(Map<String, String> env, Path log) {
        return start(env, log, null);
    }

    /** The same, in working directory {@code workingDir} (null: this one). */
    public static ChildApp start(Map<String, String> env, Path log, Path workingDir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Dfile.encoding=UTF-8", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "dev.threeam.Main", "serve"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] port = new int[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("3am exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            Matcher running = RUNNING.matcher(Files.readString(log));
            if (running.find()) {
                port[0] = Integer.parseInt(running.group(1));
                return true;
            }
            return false;
        });
        return new ChildApp(process, log, port[0]);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Process process() {
        return process;
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs JSON with the test bearer token; throws when the process is gone (no answer means not accepted). */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestApp.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code kill -9}: no shutdown hook, no drain. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM; true when the process ended within {@code bound}. */
    public boolean terminate(Duration bound) {
        process.destroy();
        return waitFor(bound);
    }

    private boolean waitFor(Duration bound) {
        try {
            return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
