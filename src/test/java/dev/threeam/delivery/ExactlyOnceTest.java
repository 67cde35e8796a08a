package dev.threeam.delivery;

import static dev.threeam.delivery.Alerts.SUPPORT_CHANNEL;
import static dev.threeam.delivery.Alerts.delivered;
import static dev.threeam.delivery.Alerts.generic;
import static dev.threeam.delivery.Alerts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.store.Database;
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

/**
 * The crash window: Slack answered, the database never heard. The rows are put back as the dead process left them
 * (pending, attempt counted, answer not recorded) and a new process on the same database must find the messages in
 * Slack instead of posting them again.
 */
class ExactlyOnceTest {

    @TempDir
    Path dir;
    FakeSlack slack;
    Map<String, String> settings;

    @BeforeEach
    void start() {
        slack = new FakeSlack(Map.of());
        settings = TestApp.settings(slack, dir);
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void a_card_and_a_reply_posted_just_before_a_crash_are_found_in_slack_and_not_posted_again() {
        String cardTs;
        try (TestApp app = TestApp.start(settings)) {
            app.post("/alerts", generic("support-chat", "g-crash", "fp-crash", "Faithfulness 0.71 < 0.85"));
            await().atMost(Duration.ofSeconds(30)).until(() -> delivered(slack, SUPPORT_CHANNEL, 1));
            cardTs = slack.topLevel(SUPPORT_CHANNEL).get(0).ts();
        }
        forgetWhatSlackAnswered();

        try (TestApp app = TestApp.start(settings)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> json(app.get("/readyz")).get("outbox_pending").asLong() == 0);

            assertThat(slack.topLevel(SUPPORT_CHANNEL)).extracting(SandboxMessage::ts).containsExactly(cardTs);
            assertThat(Alerts.roles(slack.replies(SUPPORT_CHANNEL, cardTs))).containsExactlyElementsOf(Alerts.THREAD);
            assertThat(json(app.get("/api/incidents/INC-1")).get("slack").get("ts").asText()).isEqualTo(cardTs);
            assertThat(slack.calls("conversations.history")).isNotEmpty();
            assertThat(slack.calls("conversations.replies")).isNotEmpty();
            assertThat(json(app.get("/readyz")).get("outbox_failed").asLong()).isZero();
        }
    }

    @Test
    void a_row_never_attempted_is_posted_after_a_restart() {
        try (TestApp app = TestApp.start(settings)) {
            app.post("/alerts", generic("support-chat", "g-crash", "fp-crash", "Faithfulness 0.71 < 0.85"));
            await().atMost(Duration.ofSeconds(30)).until(() -> delivered(slack, SUPPORT_CHANNEL, 1));
        }
        Database database = Database.open(settings.get("DATABASE_URL"), null, null);
        database.jdbi().useHandle(handle -> handle.execute("""
                UPDATE outbox SET status = 'pending', attempts = 0 WHERE id = (SELECT MAX(id) FROM outbox WHERE kind = 'post_reply')"""));

        try (TestApp app = TestApp.start(settings)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> json(app.get("/readyz")).get("outbox_pending").asLong() == 0);

            // attempts = 0 means no call was ever made, so the reply is posted without a look-up: the control case
            String cardTs = slack.topLevel(SUPPORT_CHANNEL).get(0).ts();
            assertThat(slack.replies(SUPPORT_CHANNEL, cardTs)).hasSize(Alerts.THREAD.size() + 1);
        }
    }

    /** As if the process died after Slack answered: the card's and the last reply's rows pending, answers unrecorded. */
    private void forgetWhatSlackAnswered() {
        Database database = Database.open(settings.get("DATABASE_URL"), null, null);
        database.jdbi().useTransaction(handle -> {
            handle.execute("UPDATE incidents SET ts = NULL, card_updated_at = NULL");
            handle.execute("DELETE FROM slack_messages WHERE role IN ('card', 'q5')");
            handle.execute("""
                    UPDATE outbox SET status = 'pending', attempts = 1, claimed_by = NULL, claimed_until = NULL
                    WHERE kind = 'post_card' OR id = (SELECT MAX(id) FROM outbox WHERE kind = 'post_reply')""");
        });
        List<Long> pending = database.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM outbox WHERE status = 'pending'")
                .mapTo(Long.class).list());
        assertThat(pending).hasSize(2);
    }
}
