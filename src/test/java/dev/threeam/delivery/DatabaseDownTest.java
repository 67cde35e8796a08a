package dev.threeam.delivery;

import static dev.threeam.delivery.Alerts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.store.Database;
import dev.threeam.testing.ChildApp;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.PostgresSchema;
import dev.threeam.testing.TcpProxy;
import dev.threeam.testing.TestApp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under load: PostgreSQL cut for 20 s through a TCP proxy in front of the machine's server
 * (the server itself is never stopped), and SQLite filled up with {@code max_page_count}. Every ingest answer is a 202
 * or a quick 503 with Retry-After, {@code /readyz} says why, every alert answered 202 is stored, and once PostgreSQL is
 * back 3am carries on by itself and posts nothing twice.
 */
class DatabaseDownTest {

    static final List<String> WORKFLOWS = List.of("support-chat", "code-assistant", "contract-review");
    static final List<String> CHANNELS = List.of("C0SUPPORTCHAT", "C0CODEASSIST", "C0CONTRACTS");
    static final Pattern HOST_PORT = Pattern.compile("//([^/:]+):(\\d+)/");

    @TempDir
    Path dir;

    /** One answer to one alert. */
    record Answer(String fingerprint, int status, String retryAfter, long millis, String body) {}

    /** Senders posting alerts with unique fingerprints over six keys until stopped, like several Alertmanagers. */
    static final class Load implements AutoCloseable {
        final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger sent = new AtomicInteger();
        final ExecutorService senders = Executors.newFixedThreadPool(4);
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Load(String baseUrl, String prefix) {
            for (int thread = 0; thread < 4; thread++) {
                senders.submit(() -> {
                    while (running.get()) {
                        send(baseUrl, prefix, sent.getAndIncrement());
                    }
                    return null;
                });
            }
        }

        void send(String baseUrl, String prefix, int n) throws InterruptedException {
            int key = n % 6;
            String fingerprint = prefix + "-fp-" + n;
            String alert = Json.write(Map.of("workflow", WORKFLOWS.get(key % 3), "group_key", prefix + "-" + key,
                    "fingerprint", fingerprint, "title", "Recall low on shard " + key, "severity", "critical"));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/alerts")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestApp.TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(alert)).build();
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                answers.add(new Answer(fingerprint, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                        (System.nanoTime() - start) / 1_000_000, response.body()));
                Thread.sleep(response.statusCode() == 202 ? 10 : 50);
            } catch (IOException e) {
                lost.add(fingerprint + ": " + e);
            }
        }

        Set<String> accepted() {
            Set<String> fingerprints = new HashSet<>();
            answers.stream().filter(answer -> answer.status() == 202).forEach(answer -> fingerprints.add(answer.fingerprint()));
            return fingerprints;
        }

        long count(int status) {
            return answers.stream().filter(answer -> answer.status() == status).count();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void postgresql_cut_for_20_seconds_under_load_is_answered_503_with_retry_after_and_nothing_accepted_is_lost_or_posted_twice()
            throws Exception {
        try (PostgresSchema schema = PostgresSchema.create(); FakeSlack slack = new FakeSlack(Map.of())) {
            Matcher target = HOST_PORT.matcher(schema.url());
            assertThat(target.find()).as("host and port in " + schema.url()).isTrue();
            try (TcpProxy proxy = new TcpProxy(target.group(1), Integer.parseInt(target.group(2)))) {
                Map<String, String> env = new HashMap<>(TestApp.settings(slack, dir));
                env.put("DATABASE_URL", schema.url().replace(target.group(0), "//127.0.0.1:" + proxy.port() + "/"));
                try (TestApp app = TestApp.start(env)) {
                    Load load = new Load(app.url(""), "pg");
                    await().atMost(Duration.ofSeconds(30)).until(() -> load.count(202) >= 20);

                    proxy.cut();
                    long cutAt = System.nanoTime();
                    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> app.get("/readyz").statusCode() == 503);
                    JsonNode down = json(app.get("/readyz"));
                    long before = load.answers.size();
                    Thread.sleep(Math.max(0, Duration.ofSeconds(20).toMillis() - (System.nanoTime() - cutAt) / 1_000_000));
                    List<Answer> duringCut = new ArrayList<>(load.answers).subList((int) before, load.answers.size());
                    proxy.restore();

                    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> app.get("/readyz").statusCode() == 200);
                    long afterRecovery = load.count(202);
                    await().atMost(Duration.ofSeconds(30)).until(() -> load.count(202) >= afterRecovery + 20);
                    load.close();

                    assertThat(down.get("problems").toString()).contains("database unavailable");
                    assertThat(down.get("database").asText()).startsWith("unavailable: ");
                    assertThat(load.lost).as("every request was answered").isEmpty();
                    assertThat(load.answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(202, 503));
                    assertThat(load.answers).filteredOn(answer -> answer.status() == 503).isNotEmpty().allSatisfy(answer -> {
                        assertThat(answer.retryAfter()).isEqualTo("2");
                        assertThat(answer.millis()).as("a 503 comes at once").isLessThan(2000);
                        assertThat(answer.body()).contains("database is unavailable");
                    });
                    assertThat(duringCut).as("answers while the database was cut").isNotEmpty()
                            .allSatisfy(answer -> assertThat(answer.millis()).isLessThan(2000));
                    assertThat(app.get("/metrics").body()).containsPattern("threeam_database_outages_total [1-9]")
                            .contains("threeam_database_available 1.0");

                    await().atMost(Duration.ofSeconds(120)).until(() -> json(app.get("/readyz")).path("outbox_pending").asLong(-1) == 0);
                    assertEveryAcceptedAlertIsStoredAndEveryIncidentPostedOnce(app, slack, load.accepted());
                }
            }
        }
    }

    @Test
    void a_full_sqlite_database_is_answered_503_with_retry_after_and_said_clearly_in_the_log() throws Exception {
        try (FakeSlack slack = new FakeSlack(Map.of())) {
            Map<String, String> env = new HashMap<>(TestApp.settings(slack, dir));
            String file = dir.resolve("threeam.db").toString();
            long pages;
            try (Database migrated = Database.open("jdbc:sqlite:" + file, null, null)) {
                pages = migrated.jdbi().withHandle(handle -> handle.createQuery("PRAGMA page_count").mapTo(Long.class).one());
            }
            env.put("DATABASE_URL", "jdbc:sqlite:" + file + "?max_page_count=" + (pages + 10));
            try (ChildApp app = ChildApp.start(env, dir.resolve("full.log"))) {
                Load load = new Load(app.url(""), "full");
                await().atMost(Duration.ofSeconds(60)).until(() -> load.count(503) >= 20);
                load.close();

                HttpResponse<String> ready = app.send(get(app, "/readyz"));
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(json(ready).get("problems").toString()).contains("the SQLite database is full");
                assertThat(load.lost).isEmpty();
                assertThat(load.answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(202, 503));
                assertThat(load.answers).filteredOn(answer -> answer.status() == 503)
                        .allSatisfy(answer -> assertThat(answer.retryAfter()).isEqualTo("2"));
                assertThat(load.count(202)).as("some alerts fitted before the database was full").isPositive();
                assertThat(app.send(get(app, "/metrics")).body()).contains("threeam_database_available 0.0");
                assertThat(app.log()).contains("database unavailable: the SQLite database is full (disk full or max_page_count reached)")
                        .doesNotContain("Exception in thread");
                for (String fingerprint : load.accepted()) { // reads still work on a full database
                    assertThat(storedFingerprints(app)).contains(fingerprint);
                    break;
                }
            }
        }
    }

    private void assertEveryAcceptedAlertIsStoredAndEveryIncidentPostedOnce(TestApp app, FakeSlack slack, Set<String> accepted) {
        JsonNode incidents = json(app.get("/api/incidents"));
        assertThat(incidents).hasSize(6);
        Set<String> stored = new HashSet<>();
        for (JsonNode item : incidents) {
            JsonNode incident = json(app.get("/api/incidents/" + item.get("id").asText()));
            incident.get("alerts").forEach(alert -> stored.add(alert.get("fingerprint").asText()));
            String channel = incident.get("slack").get("channel").asText();
            String ts = incident.get("slack").get("ts").asText();
            assertThat(slack.topLevel(channel)).extracting(SandboxMessage::ts).contains(ts);
            assertThat(Alerts.roles(slack.replies(channel, ts))).as("thread of " + item.get("id").asText())
                    .containsExactlyElementsOf(Alerts.THREAD);
        }
        assertThat(stored).containsAll(accepted);
        assertThat(CHANNELS.stream().mapToInt(channel -> slack.topLevel(channel).size()).sum()).as("one card per incident").isEqualTo(6);
        assertThat(json(app.get("/readyz")).get("outbox_failed").asLong()).isZero();
    }

    private static Set<String> storedFingerprints(ChildApp app) throws Exception {
        Set<String> stored = new HashSet<>();
        for (JsonNode item : json(app.send(get(app, "/api/incidents")))) {
            json(app.send(get(app, "/api/incidents/" + item.get("id").asText()))).get("alerts")
                    .forEach(alert -> stored.add(alert.get("fingerprint").asText()));
        }
        return stored;
    }

    private static HttpRequest get(ChildApp app, String path) {
        return HttpRequest.newBuilder(URI.create(app.url(path))).header("Authorization", "Bearer " + TestApp.TOKEN).GET().build();
    }
}
