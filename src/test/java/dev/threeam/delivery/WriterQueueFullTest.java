package dev.threeam.delivery;

import static dev.threeam.delivery.Alerts.generic;
import static dev.threeam.delivery.Alerts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's queue is bounded. While another process holds SQLite's write lock, 3am keeps what it accepted waiting
 * for the writer, up to 20,000 alerts, and answers anything past that at once with {@code 503} and
 * {@code Retry-After} (Alertmanager retries), never a 500 and never a heap that grows without end; once the lock is
 * gone every alert it accepted is committed and answered 202, and the refused one was never written.
 */
class WriterQueueFullTest {

    private static final int REQUESTS = 20;
    private static final int PER_REQUEST = 1_000;
    private static final Pattern DEPTH = Pattern.compile("(?m)^threeam_alert_queue_depth (\\d+)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_full_writer_queue_answers_503_with_retry_after_at_once_and_commits_every_alert_it_accepted() throws Exception {
        try (FakeSlack slack = new FakeSlack(Map.of()); TestApp app = TestApp.start(TestApp.settings(slack, dir))) {
            assertThat(app.post("/alerts", generic("support-chat", "queue", "first", "Faithfulness 0.71 < 0.85")).statusCode())
                    .isEqualTo(202);
            List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("threeam.db"));
                 Statement lock = other.createStatement()) {
                lock.execute("BEGIN IMMEDIATE"); // the write lock: 3am's writer waits for it (busy timeout 10 s)
                for (int request = 0; request < REQUESTS; request++) {
                    waiting.add(http.sendAsync(post(app, webhook(request)), HttpResponse.BodyHandlers.ofString()));
                }
                // (not read from /metrics here: its gauges read the database, whose one connection the waiting writer holds)
                await().atMost(Duration.ofSeconds(8)).until(() -> app.app().incidents().alertsWaiting() == REQUESTS * PER_REQUEST);

                HttpResponse<String> refused = app.post("/alerts", generic("support-chat", "queue", "one-too-many", "Faithfulness 0.70"));

                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(json(refused).get("error").asText()).contains("nothing of this request was accepted");
                assertThat(waiting).noneMatch(CompletableFuture::isDone);
                lock.execute("ROLLBACK");
            }
            for (CompletableFuture<HttpResponse<String>> answer : waiting) {
                assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            }
            assertThat(depth(app)).isZero();
            var incident = json(app.get("/api/incidents/INC-1"));
            assertThat(incident.get("alert_count").asInt()).isEqualTo(1 + REQUESTS * PER_REQUEST);
            assertThat(incident.get("alerts").toString()).doesNotContain("one-too-many");
        }
    }

    private static String webhook(int request) {
        List<String> alerts = new ArrayList<>();
        for (int n = 0; n < PER_REQUEST; n++) {
            alerts.add(generic("support-chat", "queue", "fp-" + request + "-" + n, "Faithfulness 0.71 < 0.85"));
        }
        return "[" + String.join(",", alerts) + "]";
    }

    private static HttpRequest post(TestApp app, String json) {
        return HttpRequest.newBuilder(URI.create(app.url("/alerts"))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestApp.TOKEN).POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static int depth(TestApp app) {
        Matcher matcher = DEPTH.matcher(app.get("/metrics").body());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
