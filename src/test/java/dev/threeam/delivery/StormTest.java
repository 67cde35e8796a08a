package dev.threeam.delivery;

import static dev.threeam.delivery.Alerts.SUPPORT_CHANNEL;
import static dev.threeam.delivery.Alerts.generic;
import static dev.threeam.delivery.Alerts.json;
import static dev.threeam.delivery.Alerts.resolved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.MutableClock;
import dev.threeam.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alert storms become a handful of incidents and coalesced card updates; flapping alerts reopen their incident. */
class StormTest {

    static final List<String> WORKFLOWS = List.of("support-chat", "code-assistant", "contract-review", "nowhere");
    static final List<String> CHANNELS = List.of("C0SUPPORTCHAT", "C0CODEASSIST", "C0CONTRACTS", "C0INCIDENTS");
    static final int ALERTS = 10_000;
    static final int PER_REQUEST = 50;

    @TempDir
    Path dir;

    @Test
    void ten_thousand_alerts_in_four_groups_become_four_incidents_four_cards_and_few_card_updates() throws Exception {
        try (FakeSlack slack = new FakeSlack(Map.of())) {
            Map<String, String> settings = new HashMap<>(TestApp.settings(slack, dir));
            settings.put("CARD_UPDATE_INTERVAL", "2s");
            try (TestApp app = TestApp.start(settings)) {
                long started = System.nanoTime();
                ExecutorService senders = Executors.newFixedThreadPool(8);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int request = 0; request < ALERTS / PER_REQUEST; request++) {
                    int first = request * PER_REQUEST;
                    answers.add(senders.submit(() -> app.post("/alerts", batch(first)).statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(202);
                }
                senders.shutdown();

                await().atMost(Duration.ofSeconds(90)).until(() -> json(app.get("/readyz")).get("outbox_pending").asLong() == 0
                        && CHANNELS.stream().allMatch(channel -> Alerts.delivered(slack, channel, 1)));
                double seconds = (System.nanoTime() - started) / 1e9;

                JsonNode incidents = json(app.get("/api/incidents"));
                assertThat(incidents).hasSize(4);
                int total = 0;
                for (JsonNode incident : incidents) {
                    assertThat(incident.get("alert_count").asInt()).isEqualTo(ALERTS / 4);
                    total += incident.get("alert_count").asInt();
                    JsonNode full = json(app.get("/api/incidents/" + incident.get("id").asText()));
                    assertThat(full.get("alerts")).hasSize(100);
                }
                assertThat(total).isEqualTo(ALERTS);
                for (String channel : CHANNELS) {
                    List<SandboxMessage> cards = slack.topLevel(channel);
                    assertThat(cards).as(channel).hasSize(1);
                    assertThat(cards.get(0).blocks().toString()).as("the card carries the latest count").contains((ALERTS / 4) + " notifications");
                }
                // coalesced: at most one update per incident per interval (2 s), plus the last one
                assertThat(slack.calls("chat.update").size()).isLessThanOrEqualTo((int) (4 * (seconds / 2 + 2)));
                assertThat(json(app.get("/readyz")).get("outbox_failed").asLong()).isZero();
            }
        }
    }

    private static String batch(int first) {
        List<String> alerts = new ArrayList<>();
        for (int n = first; n < first + PER_REQUEST; n++) {
            int group = n % 4;
            alerts.add(generic(WORKFLOWS.get(group), "storm-" + group, "storm-" + group + "-" + (n / 4) % 100, "Storm alert " + (n / 4) % 100));
        }
        return "[" + String.join(",", alerts) + "]";
    }

    @Test
    void firing_resolved_firing_within_the_flap_window_reopens_the_same_incident() {
        try (FakeSlack slack = new FakeSlack(Map.of()); TestApp app = TestApp.start(TestApp.settings(slack, dir))) {
            String firing = generic("support-chat", "flappy", "flappy-1", "Faithfulness 0.71 < 0.85");
            app.post("/alerts", firing);
            app.post("/alerts", resolved("support-chat", "flappy", "flappy-1", "Faithfulness 0.71 < 0.85"));
            assertThat(json(app.get("/api/incidents/INC-1")).get("status").asText()).isEqualTo("resolved");

            HttpResponse<String> again = app.post("/alerts", firing);

            assertThat(json(again).get("incidents").get(0).asText()).isEqualTo("INC-1");
            JsonNode incident = json(app.get("/api/incidents/INC-1"));
            assertThat(incident.get("status").asText()).isEqualTo("triggered");
            assertThat(incident.get("timeline").toString()).contains("Reopened");
            assertThat(json(app.get("/api/incidents"))).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> json(app.get("/readyz")).get("outbox_pending").asLong() == 0);
            assertThat(slack.topLevel(SUPPORT_CHANNEL)).hasSize(1);
        }
    }

    @Test
    void firing_again_after_the_flap_window_opens_a_new_incident() {
        MutableClock clock = MutableClock.at("2026-11-28T02:00:00Z");
        try (FakeSlack slack = new FakeSlack(Map.of()); TestApp app = TestApp.start(TestApp.settings(slack, dir), clock)) {
            String firing = generic("support-chat", "flappy", "flappy-1", "Faithfulness 0.71 < 0.85");
            app.post("/alerts", firing);
            app.post("/alerts", resolved("support-chat", "flappy", "flappy-1", "Faithfulness 0.71 < 0.85"));
            clock.advance(Duration.ofMinutes(31)); // the default flap window is 30 minutes

            HttpResponse<String> later = app.post("/alerts", firing);

            assertThat(json(later).get("incidents").get(0).asText()).isEqualTo("INC-2");
            assertThat(json(app.get("/api/incidents/INC-1")).get("status").asText()).isEqualTo("resolved");
            assertThat(json(app.get("/api/incidents/INC-2")).get("status").asText()).isEqualTo("triggered");
        }
    }
}
