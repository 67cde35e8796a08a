package dev.threeam.delivery;

import static dev.threeam.delivery.Alerts.SUPPORT_CHANNEL;
import static dev.threeam.delivery.Alerts.delivered;
import static dev.threeam.delivery.Alerts.generic;
import static dev.threeam.delivery.Alerts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox against a Slack that answers 429, 500, slowly, or with errors: every card arrives once, or is reported. */
class SlackFaultsTest {

    @TempDir
    Path dir;
    FakeSlack slack;
    TestApp app;

    @BeforeEach
    void start() {
        slack = new FakeSlack(Map.of("S0HELPDESK", List.of("U0ONCALL")));
        app = TestApp.start(TestApp.settings(slack, dir));
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    void fire(String group) {
        assertThat(app.post("/alerts", generic("support-chat", group, group + "-fp", "Faithfulness 0.71 < 0.85")).statusCode()).isEqualTo(202);
    }

    List<SandboxMessage> cards() {
        return slack.topLevel(SUPPORT_CHANNEL);
    }

    void assertOneCardWithItsThreadOnce() {
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(slack, SUPPORT_CHANNEL, 1) && outboxPending() == 0);
        assertThat(cards()).hasSize(1);
        assertThat(slack.replies(SUPPORT_CHANNEL, cards().get(0).ts())).hasSize(Alerts.THREAD.size());
        assertThat(json(app.get("/api/incidents/INC-1")).get("slack").get("ts").asText()).isEqualTo(cards().get(0).ts());
    }

    long outboxPending() {
        return json(app.get("/readyz")).get("outbox_pending").asLong();
    }

    @Test
    void a_429_is_waited_out_and_the_card_is_posted_once() {
        slack.rateLimitNext("chat.postMessage", 2);

        fire("g-429");

        assertOneCardWithItsThreadOnce();
        assertThat(slack.faultsServed("chat.postMessage")).isEqualTo(1);
        assertThat(app.get("/metrics").body()).containsPattern("threeam_slack_calls_total\\{method=\"chat.postMessage\",outcome=\"rate_limited\"} 1");
    }

    @Test
    void server_errors_are_retried_with_backoff_and_the_card_arrives_once() {
        slack.failNext("chat.postMessage", 500).failNext("chat.postMessage", 503);

        fire("g-500");

        assertOneCardWithItsThreadOnce();
        assertThat(slack.faultsServed("chat.postMessage")).isEqualTo(2);
        assertThat(app.get("/metrics").body()).contains("threeam_outbox_retries_total{kind=\"post_card\"} 2.0");
    }

    @Test
    void five_server_errors_in_a_row_delay_the_card_by_seconds_and_while_they_last_readyz_and_metrics_count_them() {
        for (int status : new int[] {500, 502, 503, 500, 504}) {
            slack.failNext("chat.postMessage", status);
        }
        long fired = System.nanoTime();

        fire("g-blip");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> slack.faultsServed("chat.postMessage") >= 2);
        JsonNode waiting = json(app.get("/readyz"));
        assertThat(waiting.get("status").asText()).as("Slack failing does not stop intake").isEqualTo("ready");
        assertThat(waiting.get("outbox_retrying").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(waiting.get("outbox_oldest_pending_seconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(waiting.get("slack_failing").get("chat.postMessage").get("error").asText()).startsWith("HTTP 50");
        Duration left = Duration.ofSeconds(15).minusNanos(System.nanoTime() - fired);
        await().atMost(left).pollInterval(Duration.ofMillis(50)).until(() -> cards().size() == 1);

        assertOneCardWithItsThreadOnce();
        assertThat(slack.faultsServed("chat.postMessage")).isEqualTo(5);
        assertThat(json(app.get("/readyz")).get("slack_failing").size()).as("chat.postMessage works again").isZero();
        assertThat(app.get("/metrics").body())
                .contains("threeam_slack_errors_total{error=\"http_500\",method=\"chat.postMessage\"} 2.0")
                .contains("threeam_slack_errors_total{error=\"http_504\",method=\"chat.postMessage\"} 1.0")
                .contains("threeam_outbox_retries_total{kind=\"post_card\"} 5.0")
                .doesNotContain("threeam_outbox_failures_total{");
    }

    @Test
    void a_slow_answer_times_out_is_retried_and_the_card_still_arrives_once() {
        // the Slack client gives up after 10 s; the fake answers (and posts) after 12 s, so the retry must find it
        slack.slowNext("chat.postMessage", 12_000);

        fire("g-slow");

        await().atMost(Duration.ofSeconds(60)).until(() -> delivered(slack, SUPPORT_CHANNEL, 1) && outboxPending() == 0);
        assertThat(cards()).hasSize(1);
        assertThat(app.get("/metrics").body()).contains("threeam_slack_calls_total{method=\"chat.postMessage\",outcome=\"timeout\"}");
    }

    @Test
    void not_in_channel_joins_the_channel_and_posts_once() {
        slack.errorNext("chat.postMessage", "not_in_channel");

        fire("g-join");

        assertOneCardWithItsThreadOnce();
        assertThat(slack.calls("conversations.join")).hasSize(1);
        assertThat(slack.calls("conversations.join").get(0).param("channel")).isEqualTo(SUPPORT_CHANNEL);
    }

    @Test
    void a_runbook_channel_that_does_not_exist_moves_the_thread_to_the_default_channel_and_says_why() {
        slack.errorNext("chat.postMessage", "channel_not_found");

        fire("g-nochannel");

        await().atMost(Duration.ofSeconds(20)).until(() -> slack.topLevel("C0INCIDENTS").size() == 1
                && slack.replies("C0INCIDENTS", slack.topLevel("C0INCIDENTS").get(0).ts()).size() == Alerts.THREAD.size());
        JsonNode incident = json(app.get("/api/incidents/INC-1"));
        assertThat(incident.get("slack").get("channel").asText()).isEqualTo("C0INCIDENTS");
        assertThat(incident.get("timeline").toString()).contains("channel_not_found").contains("moved to C0INCIDENTS");
        assertThat(cards()).isEmpty();
    }

    @Test
    void a_message_slack_refuses_for_good_is_reported_and_the_incident_and_its_alerts_are_kept() {
        assertPermanentFailureIsReported("msg_too_long");
    }

    @Test
    void blocks_slack_refuses_are_reported_and_the_incident_and_its_alerts_are_kept() {
        assertPermanentFailureIsReported("invalid_blocks");
    }

    private void assertPermanentFailureIsReported(String error) {
        slack.errorNext("chat.postMessage", error);

        fire("g-" + error);
        fire("g-" + error);

        await().atMost(Duration.ofSeconds(20)).until(() -> json(app.get("/readyz")).get("outbox_failed").asLong() >= 1);
        JsonNode incident = json(app.get("/api/incidents/INC-1"));
        assertThat(incident.get("timeline").toString()).contains("Delivery failed for good").contains(error);
        assertThat(incident.get("alert_count").asInt()).isEqualTo(2);
        assertThat(incident.get("alerts")).hasSize(1);
        JsonNode list = json(app.get("/api/incidents"));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo("INC-1");
        assertThat(app.get("/metrics").body())
                .contains("threeam_outbox_failures_total{error=\"" + error + "\",kind=\"post_card\"} 1.0")
                .contains("threeam_slack_calls_total{method=\"chat.postMessage\",outcome=\"" + error + "\"} 1.0");
        // the thread cannot go under a card that was never posted: it is given up too, not retried forever
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxPending() == 0);
        assertThat(cards()).isEmpty();
    }

    @Test
    void replies_keep_their_order_and_new_cards_go_before_the_replies_of_older_incidents() {
        fire("g-first");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> cards().size() == 1);
        fire("g-second");

        await().atMost(Duration.ofSeconds(60)).until(() -> delivered(slack, SUPPORT_CHANNEL, 2));
        List<SandboxMessage> cards = cards();
        for (SandboxMessage card : cards) {
            assertThat(Alerts.roles(slack.replies(SUPPORT_CHANNEL, card.ts()))).containsExactlyElementsOf(Alerts.THREAD);
        }
        List<SandboxMessage> firstThread = slack.replies(SUPPORT_CHANNEL, cards.get(0).ts());
        String lastReplyOfFirst = firstThread.get(firstThread.size() - 1).ts();
        assertThat(cards.get(1).ts()).isLessThan(lastReplyOfFirst);
    }
}
