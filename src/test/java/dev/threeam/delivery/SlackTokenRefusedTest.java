package dev.threeam.delivery;

import static dev.threeam.delivery.Alerts.SUPPORT_CHANNEL;
import static dev.threeam.delivery.Alerts.generic;
import static dev.threeam.delivery.Alerts.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.testing.ChildApp;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack revokes the bot token while 3am runs (a child JVM): one loud log line, {@code /readyz} 503 naming it, alerts
 * still accepted, no message failed or dropped; restarted with a working token, every waiting message goes out once.
 */
class SlackTokenRefusedTest {

    @TempDir
    Path dir;

    @Test
    void a_revoked_token_is_said_once_loudly_readyz_names_it_and_every_message_waits_for_a_restart_with_a_working_token()
            throws Exception {
        try (FakeSlack slack = new FakeSlack(Map.of())) {
            Map<String, String> settings = new HashMap<>(TestApp.settings(slack, dir));
            ChildApp first = ChildApp.start(settings, dir.resolve("revoked.log"));
            try {
                slack.refuseToken("token_revoked");
                assertThat(first.post("/alerts", generic("support-chat", "g-a", "fp-a", "Faithfulness 0.71 < 0.85")).statusCode()).isEqualTo(202);

                await().atMost(Duration.ofSeconds(30)).until(() -> first.send(get(first, "/readyz")).statusCode() == 503);
                assertThat(first.post("/alerts", generic("support-chat", "g-b", "fp-b", "Recall low")).statusCode())
                        .as("alerts are still accepted").isEqualTo(202);
                Thread.sleep(3000); // deliveries wait without calling Slack meanwhile

                JsonNode ready = json(first.send(get(first, "/readyz")));
                assertThat(ready.get("slack").asText()).isEqualTo("token refused: token_revoked");
                assertThat(ready.get("problems").toString()).contains("Slack refuses the bot token: token_revoked");
                assertThat(ready.get("outbox_failed").asLong()).as("nothing is failed for it").isZero();
                assertThat(ready.get("outbox_pending").asLong()).isGreaterThanOrEqualTo(2 * Alerts.THREAD.size() + 2);
                assertThat(slack.faultsServed("chat.postMessage")).as("Slack is not hammered with a dead token").isEqualTo(1);
                assertThat(Pattern.compile("SLACK REFUSED THE BOT TOKEN").matcher(first.log()).results().count()).as("one loud line").isEqualTo(1);
                assertThat(first.log()).contains("ERROR").doesNotContain("failed for good").doesNotContain("xoxb-test");
                assertThat(first.terminate(Duration.ofSeconds(30))).isTrue();
            } finally {
                first.close();
            }

            slack.acceptToken();
            try (ChildApp second = ChildApp.start(settings, dir.resolve("restarted.log"))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> Alerts.delivered(slack, SUPPORT_CHANNEL, 2)
                        && json(second.send(get(second, "/readyz"))).get("outbox_pending").asLong() == 0);
                assertThat(second.send(get(second, "/readyz")).statusCode()).isEqualTo(200);
                for (var card : slack.topLevel(SUPPORT_CHANNEL)) {
                    assertThat(Alerts.roles(slack.replies(SUPPORT_CHANNEL, card.ts()))).containsExactlyElementsOf(Alerts.THREAD);
                }
                assertThat(json(second.send(get(second, "/readyz"))).get("outbox_failed").asLong()).isZero();
            }
        }
    }

    private static HttpRequest get(ChildApp app, String path) {
        return HttpRequest.newBuilder(URI.create(app.url(path))).header("Authorization", "Bearer " + TestApp.TOKEN).GET().build();
    }
}
