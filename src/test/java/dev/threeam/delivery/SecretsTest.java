package dev.threeam.delivery;

import static dev.threeam.delivery.Alerts.SUPPORT_CHANNEL;
import static dev.threeam.delivery.Alerts.generic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threeam.sandbox.SlackRequestSigner;
import dev.threeam.testing.ChildApp;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.Payloads;
import dev.threeam.testing.TestApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the bot in a child JVM with distinctive secrets, exercises every door they guard, and greps its log for them. */
class SecretsTest {

    static final String BOT_TOKEN = "xoxb-SECRET-bot-4f9c2a71d3";
    static final String SIGNING_SECRET = "SECRET-signing-8e1b7d55c0";
    static final String WEBHOOK_TOKEN = "SECRET-webhook-3a6f0c92be";
    static final String LANGFUSE_SECRET = "SECRET-langfuse-d27e94b1a8";

    @TempDir
    Path dir;

    @Test
    void secrets_never_appear_in_the_log_of_a_run() throws Exception {
        try (FakeSlack slack = new FakeSlack(Map.of())) {
            Map<String, String> env = new java.util.HashMap<>(TestApp.settings(slack, dir));
            env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
            env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
            env.put("WEBHOOK_TOKEN", WEBHOOK_TOKEN);
            env.put("LANGFUSE_WEBHOOK_SECRET", LANGFUSE_SECRET);
            ChildApp app = ChildApp.start(env, dir.resolve("secrets.log"));
            try {
                exercise(app, slack);
            } finally {
                assertThat(app.terminate(Duration.ofSeconds(30))).isTrue();
            }
            String log = app.log();
            assertThat(log).contains("invalid_auth"); // the run did log its failures
            assertThat(log).contains("is running on");
            for (String secret : List.of(BOT_TOKEN, SIGNING_SECRET, WEBHOOK_TOKEN, LANGFUSE_SECRET)) {
                assertThat(log).doesNotContain(secret).doesNotContain(secret.substring(secret.length() - 10));
            }
        }
    }

    private void exercise(ChildApp app, FakeSlack slack) throws Exception {
        String alert = generic("support-chat", "g-secret", "fp-secret", "Faithfulness 0.71 < 0.85");
        assertThat(app.send(alertRequest(app, "Bearer wrong-token", alert)).statusCode()).isEqualTo(401);
        assertThat(app.send(alertRequest(app, "Basic " + WEBHOOK_TOKEN, alert)).statusCode()).isEqualTo(401);
        assertThat(app.send(alertRequest(app, "Bearer " + WEBHOOK_TOKEN + "x", alert)).statusCode()).isEqualTo(401);
        assertThat(app.send(alertRequest(app, "Bearer " + WEBHOOK_TOKEN, "{broken")).statusCode()).isEqualTo(400);
        slack.failNext("chat.postMessage", 500).errorNext("chat.postMessage", "invalid_auth");
        assertThat(app.send(alertRequest(app, "Bearer " + WEBHOOK_TOKEN, alert)).statusCode()).isEqualTo(202);
        assertThat(app.send(alertRequest(app, "Bearer " + WEBHOOK_TOKEN,
                generic("support-chat", "g-secret-2", "fp-secret-2", "Recall low"))).statusCode()).isEqualTo(202);

        String change = "{\"workflow\":\"support-chat\",\"kind\":\"prompt\",\"summary\":\"Prompt v42\"}";
        assertThat(app.send(request(app, "/changes", "Bearer " + WEBHOOK_TOKEN, change)).statusCode()).isEqualTo(201);
        String langfuse = "{\"id\":\"e1\",\"timestamp\":\"2026-11-28T01:40:00Z\",\"type\":\"prompt-version\",\"apiVersion\":\"v1\","
                + "\"action\":\"created\",\"prompt\":{\"name\":\"support-chat\",\"version\":42,\"labels\":[\"production\"]}}";
        HttpRequest badLangfuse = HttpRequest.newBuilder(URI.create(app.url("/changes/langfuse")))
                .header("x-langfuse-signature", "t=1,v1=00").POST(HttpRequest.BodyPublishers.ofString(langfuse)).build();
        assertThat(app.send(badLangfuse).statusCode()).isEqualTo(401);
        long now = System.currentTimeMillis() / 1000;
        HttpRequest goodLangfuse = HttpRequest.newBuilder(URI.create(app.url("/changes/langfuse")))
                .header("x-langfuse-signature", "t=" + now + ",v1=" + hmac(LANGFUSE_SECRET, now + "." + langfuse))
                .POST(HttpRequest.BodyPublishers.ofString(langfuse)).build();
        assertThat(app.send(goodLangfuse).statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> !slack.topLevel(SUPPORT_CHANNEL).isEmpty());
        String press = Payloads.buttonPress("U0ONCALL", SUPPORT_CHANNEL, slack.topLevel(SUPPORT_CHANNEL).get(0).ts(), null, "card", "ack",
                "INC-1|ack", "Acknowledge");
        String body = "payload=" + URLEncoder.encode(press, StandardCharsets.UTF_8);
        HttpRequest.Builder forged = HttpRequest.newBuilder(URI.create(app.url("/slack/events")))
                .header("Content-Type", "application/x-www-form-urlencoded");
        new SlackRequestSigner("not-the-secret", Clock.systemUTC()).sign(body).forEach(forged::header);
        assertThat(app.send(forged.POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode()).isEqualTo(401);
        HttpRequest.Builder signed = HttpRequest.newBuilder(URI.create(app.url("/slack/events")))
                .header("Content-Type", "application/x-www-form-urlencoded");
        new SlackRequestSigner(SIGNING_SECRET, Clock.systemUTC()).sign(body).forEach(signed::header);
        assertThat(app.send(signed.POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> slack.faultsServed("chat.postMessage") == 2);
    }

    private static HttpRequest alertRequest(ChildApp app, String authorization, String body) {
        return request(app, "/alerts", authorization, body);
    }

    private static HttpRequest request(ChildApp app, String path, String authorization, String body) {
        return HttpRequest.newBuilder(URI.create(app.url(path))).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
