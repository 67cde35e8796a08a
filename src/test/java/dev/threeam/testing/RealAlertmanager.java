package dev.threeam.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus-alertmanager} started on a loopback port with a minimal configuration and a temporary
 * storage path, delivering its webhooks to 3am ({@code /alerts/alertmanager}, with the bearer token). Tests skip
 * themselves when the binary is not installed ({@link #binary()}); {@code .ci/run} installs it.
 */
public final class RealAlertmanager implements AutoCloseable {

    private static final List<Path> PLACES = List.of(Path.of("/usr/bin/prometheus-alertmanager"), Path.of("/usr/local/bin/alertmanager"),
            Path.of("/usr/bin/alertmanager"));

    private final int port;
    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();

    private RealAlertmanager(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** The installed binary, if any. */
    public static Optional<Path> binary() {
        return PLACES.stream().filter(Files::isExecutable).findFirst();
    }

    /** A free loopback port, to name in {@code ALERTMANAGER_URL} before Alertmanager starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it on {@code port}, grouping by alertname and workflow and sending every group to {@code webhookUrl} at once. */
    public static RealAlertmanager start(int port, Path dir, String webhookUrl, String bearerToken) throws IOException, InterruptedException {
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: threeam
                  group_by: [alertname, workflow]
                  group_wait: 0s
                  group_interval: 1s
                receivers:
                  - name: threeam
                    webhook_configs:
                      - url: %s
                        send_resolved: true
                        http_config:
                          authorization:
                            credentials: %s
                """.formatted(webhookUrl, bearerToken));
        Process process = new ProcessBuilder(binary().orElseThrow().toString(), "--config.file=" + config,
                "--storage.path=" + Files.createDirectories(dir.resolve("alertmanager-data")), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=").redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        RealAlertmanager alertmanager = new RealAlertmanager(port, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("alertmanager exited: " + Files.readString(dir.resolve("alertmanager.log")));
            }
            try {
                if (alertmanager.get("/-/ready").statusCode() == 200) {
                    return alertmanager;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        alertmanager.close();
        throw new IllegalStateException("alertmanager did not become ready on port " + port);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Fires an alert with these labels (and a summary) as Prometheus would. */
    public void fire(java.util.Map<String, String> labels, String summary) {
        String body = Json.mapper().createArrayNode().add(Json.mapper().createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("labels", Json.mapper().valueToTree(labels))
                .set("annotations", Json.mapper().createObjectNode().put("summary", summary))).toString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url() + "/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("alertmanager refused the alert: " + response.statusCode() + " " + response.body());
        }
    }

    public JsonNode silences() {
        return json(get("/api/v2/silences"));
    }

    public JsonNode alerts() {
        return json(get("/api/v2/alerts"));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
