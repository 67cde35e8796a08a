package dev.threeam.delivery;

import static dev.threeam.delivery.Alerts.generic;
import static dev.threeam.delivery.Alerts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.testing.ChildApp;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.TestApp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot in a child JVM, killed with {@code kill -9} while alerts arrive and cards go out, then restarted on the
 * same SQLite file: every alert answered 2xx is on its incident, every incident has exactly one card and thread, and
 * what the dead process held is taken back within seconds (its heartbeat stopped), not after the lease (60 s here).
 */
class CrashTest {

    static final List<String> WORKFLOWS = List.of("support-chat", "code-assistant", "contract-review");
    static final Map<String, String> CHANNELS = Map.of("support-chat", "C0SUPPORTCHAT", "code-assistant", "C0CODEASSIST",
            "contract-review", "C0CONTRACTS");

    @TempDir
    Path dir;
    FakeSlack slack;
    Map<String, String> settings;

    @BeforeEach
    void start() {
        slack = new FakeSlack(Map.of());
        settings = new HashMap<>(TestApp.settings(slack, dir)); // OUTBOX_LEASE and REPLICA_TIMEOUT at their defaults
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void kill_9_mid_delivery_loses_no_accepted_alert_and_posts_no_card_twice() throws Exception {
        Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        ChildApp first = ChildApp.start(settings, dir.resolve("first.log"));
        ExecutorService senders = Executors.newFixedThreadPool(4);
        AtomicInteger sent = new AtomicInteger();
        for (int thread = 0; thread < 4; thread++) {
            senders.submit(() -> {
                while (first.process().isAlive()) {
                    int n = sent.getAndIncrement();
                    String workflow = WORKFLOWS.get(n % WORKFLOWS.size());
                    String group = workflow + "-g" + (n % 6);
                    try {
                        HttpResponse<String> response = first.post("/alerts", generic(workflow, group, group + "-fp" + (n % 5), "Recall low " + n));
                        if (response.statusCode() / 100 == 2) {
                            accepted.computeIfAbsent(group, g -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (IOException e) {
                        return null; // no answer: the sender retries in real life; not counted as accepted
                    }
                }
                return null;
            });
        }
        // mid-delivery: some cards and replies are out, others are not
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> allMessages() >= 10);
        first.kill();
        senders.shutdown();
        assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(allMessages()).isLessThan(6 * 8);

        try (ChildApp second = ChildApp.start(settings, dir.resolve("second.log"))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> json(second.send(get(second, "/readyz"))).get("outbox_pending").asLong() == 0);

            JsonNode incidents = json(second.send(get(second, "/api/incidents")));
            assertThat(incidents).hasSize(accepted.size());
            int total = 0;
            for (JsonNode item : incidents) {
                JsonNode incident = json(second.send(get(second, "/api/incidents/" + item.get("id").asText())));
                total += incident.get("alert_count").asInt();
                String channel = incident.get("slack").get("channel").asText();
                String ts = incident.get("slack").get("ts").asText();
                assertThat(slack.topLevel(channel)).extracting(SandboxMessage::ts).contains(ts);
                assertThat(Alerts.roles(slack.replies(channel, ts))).containsExactlyElementsOf(Alerts.THREAD);
            }
            // alert_count may exceed the 2xx answers (a request committed as the process died was never answered), never fall short
            int answered = accepted.values().stream().mapToInt(AtomicInteger::get).sum();
            assertThat(total).isGreaterThanOrEqualTo(answered).isLessThanOrEqualTo(answered + 4);
            for (JsonNode item : incidents) {
                assertThat(item.get("alert_count").asInt()).isGreaterThanOrEqualTo(accepted.getOrDefault(keyOf(second, item), new AtomicInteger()).get());
            }
            int cards = CHANNELS.values().stream().mapToInt(channel -> slack.topLevel(channel).size()).sum();
            assertThat(cards).isEqualTo(incidents.size());
            assertThat(json(second.send(get(second, "/readyz"))).get("outbox_failed").asLong()).isZero();
        }
    }

    @Test
    void after_kill_9_in_the_middle_of_a_post_and_a_restart_every_pending_message_is_delivered_within_10_seconds_once()
            throws Exception {
        // the card's post reaches Slack, which carries it out only after the process is dead: the crash window
        Runnable land = slack.holdNext("chat.postMessage");
        ChildApp first = ChildApp.start(settings, dir.resolve("first.log"));
        assertThat(first.post("/alerts", generic("support-chat", "g-kill", "fp-kill", "Faithfulness 0.71 < 0.85")).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> slack.faultsServed("chat.postMessage") == 1);
        first.kill();
        land.run();

        try (ChildApp second = ChildApp.start(settings, dir.resolve("second.log"))) {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> Alerts.delivered(slack, Alerts.SUPPORT_CHANNEL, 1)
                    && json(second.send(get(second, "/readyz"))).get("outbox_pending").asLong() == 0);

            List<SandboxMessage> cards = slack.topLevel(Alerts.SUPPORT_CHANNEL);
            assertThat(cards).as("the card the dead process posted was found, not posted again").hasSize(1);
            assertThat(Alerts.roles(slack.replies(Alerts.SUPPORT_CHANNEL, cards.get(0).ts()))).containsExactlyElementsOf(Alerts.THREAD);
            assertThat(slack.calls("conversations.history")).isNotEmpty();
            assertThat(json(second.send(get(second, "/api/incidents/INC-1"))).get("slack").get("ts").asText()).isEqualTo(cards.get(0).ts());
        } finally {
            first.close();
        }
    }

    @Test
    void sigterm_drains_and_exits_within_a_bounded_time_and_the_rest_is_delivered_after_a_restart() throws Exception {
        ChildApp app = ChildApp.start(settings, dir.resolve("term.log"));
        for (int n = 0; n < 6; n++) {
            String workflow = WORKFLOWS.get(n % WORKFLOWS.size());
            assertThat(app.post("/alerts", generic(workflow, workflow + "-t" + n, "fp-" + n, "Latency p95 " + n)).statusCode()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> allMessages() >= 1);

        assertThat(app.terminate(Duration.ofSeconds(30))).as("exited within 30 s of SIGTERM").isTrue();
        assertThat(app.log()).doesNotContain("Exception in thread");

        try (ChildApp again = ChildApp.start(settings, dir.resolve("term2.log"))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> json(again.send(get(again, "/readyz"))).get("outbox_pending").asLong() == 0);
            int cards = CHANNELS.values().stream().mapToInt(channel -> slack.topLevel(channel).size()).sum();
            assertThat(cards).isEqualTo(6);
            for (String channel : CHANNELS.values()) {
                for (SandboxMessage card : slack.topLevel(channel)) {
                    assertThat(Alerts.roles(slack.replies(channel, card.ts()))).containsExactlyElementsOf(Alerts.THREAD);
                }
            }
        }
    }

    private String keyOf(ChildApp app, JsonNode item) throws Exception {
        // generic alerts keep their group_key as the incident key; the title names the workflow only, so ask the alerts
        JsonNode incident = json(app.send(get(app, "/api/incidents/" + item.get("id").asText())));
        String fingerprint = incident.get("alerts").get(0).get("fingerprint").asText();
        return fingerprint.substring(0, fingerprint.indexOf("-fp"));
    }

    private int allMessages() {
        return CHANNELS.values().stream().mapToInt(channel -> slack.workspace().messages(channel).size()).sum();
    }

    private static java.net.http.HttpRequest get(ChildApp app, String path) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url(path)))
                .header("Authorization", "Bearer " + TestApp.TOKEN).GET().build();
    }
}
