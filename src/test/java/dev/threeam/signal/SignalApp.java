package dev.threeam.signal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.ThreeAm;
import dev.threeam.common.Json;
import dev.threeam.config.Config;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.MutableClock;
import dev.threeam.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real 3am on port 0 with a clock the test moves, the fake Slack, and one runbook ({@link #RUNBOOK}) whose
 * thresholds evaluate over 30 s windows held 1 s, so a test drives a breach from start to resolution in moments.
 */
final class SignalApp implements AutoCloseable {

    static final String RUNBOOK = """
            ---
            workflow: support-chat
            title: Help-desk chat bot
            aliases: [helpdesk-bot]
            channel: C0SUPPORTCHAT
            owners:
              engineering: {slack: [S0HELPDESK]}
            escalation:
              quality_drift: [engineering]
              tool_failure: [engineering]
              cost_failure: [engineering]
              latency_failure: [engineering]
            quality_signals:
              - {metric: helpfulness, threshold: ">= 0.75", window: 30s, for: 1s, min_samples: 5}
            budgets: {usd_per_hour: 150, for: 1s}
            latency: {p95_seconds: 4, window: 30s, for: 1s, min_samples: 5}
            tools: {error_rate: "< 0.05", window: 30s, for: 1s, min_samples: 5}
            prices:
              gpt-4o: {input: 2.5, output: 10}
            ---
            # Help-desk chat bot
            """;

    final MutableClock clock;
    final ThreeAm app;
    private final HttpClient http = HttpClient.newHttpClient();

    private SignalApp(MutableClock clock, ThreeAm app) {
        this.clock = clock;
        this.app = app;
    }

    /** Settings for the app: a temporary SQLite database and a folder holding {@link #RUNBOOK}. */
    static Map<String, String> settings(FakeSlack slack, Path dir) {
        Map<String, String> env = new HashMap<>(TestApp.settings(slack, dir));
        Path runbooks = dir.resolve("signal-runbooks");
        try {
            Files.createDirectories(runbooks);
            Files.writeString(runbooks.resolve("support-chat.md"), RUNBOOK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("RUNBOOKS_DIR", runbooks.toString());
        return env;
    }

    static SignalApp start(Map<String, String> env, MutableClock clock) {
        return new SignalApp(clock, new ThreeAm(Config.from(env), clock).start());
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    /** Evaluates now; true when this replica held the lease. */
    boolean tick() {
        return app.signals().evaluateNow();
    }

    HttpResponse<byte[]> post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + TestApp.TOKEN).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int index = 0; index < headers.length; index += 2) {
            request.header(headers[index], headers[index + 1]);
        }
        return send(request.build());
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<JsonNode> incidents() {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(url("/api/incidents")))
                .header("Authorization", "Bearer " + TestApp.TOKEN).GET().build());
        try {
            List<JsonNode> incidents = new ArrayList<>();
            Json.mapper().readTree(response.body()).forEach(incidents::add);
            return incidents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode incident(String id) {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(URI.create(url("/api/incidents/" + id)))
                .header("Authorization", "Bearer " + TestApp.TOKEN).GET().build());
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number straight from the tables, to show what was (or was not) kept. */
    double sum(String sql) {
        return app.database().jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Double.class).findOne().orElse(0.0));
    }

    @Override
    public void close() {
        app.close();
    }
}
