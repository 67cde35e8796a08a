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

/**
 * Runs the bot in a child JVM with distinctive secrets (two webhook tokens, as during a rotation), exercises every
 * door they guard and some failures (Slack 5xx, Slack refusing the token), and greps for them everything it said: its
 * log, {@code /metrics}, {@code /readyz} and every answer, errors included.
 */
class SecretsTest {

    static final String BOT_TOKEN = "xoxb-SECRET-bot-4f9c2a71d3";
    static final String SIGNING_SECRET = "SECRET-signing-8e1b7d55c0";
    static final String WEBHOOK_TOKEN = "SECRET-webhook-3a6f0c92be";
    /** The token being rotated in: both are accepted while WEBHOOK_TOKEN lists both. */
    static final String NEXT_WEBHOOK_TOKEN = "SECRET-webhook-next-71c4e0d9aa";
    static final String LANGFUSE_SECRET = "SECRET-langfuse-d27e94b1a8";

    /** Every answer the run got, bodies and headers, to grep. */
    final List<String> answers = new java.util.ArrayList<>();

    @TempDir
    Path dir;

    @Test
    void secrets_never_appear_in_the_log_metrics_readiness_or_any_answer_of_a_run() throws Exception {
        try (FakeSlack slack = new FakeSlack(Map.of())) {
            Map<String, String> env = new java.util.HashMap<>(TestApp.settings(slack, dir));
            env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
            env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
            env.put("WEBHOOK_TOKEN", WEBHOOK_TOKEN + " , " + NEXT_WEBHOOK_TOKEN);
            env.put("LANGFUSE_WEBHOOK_SECRET", LANGFUSE_SECRET);
            ChildApp app = ChildApp.start(env, dir.resolve("secrets.log"));
            try {
                exercise(app, slack);
            } finally {
                assertThat(app.terminate(Duration.ofSeconds(30))).isTrue();
            }
            String log = app.log();
            assertThat(log).contains("invalid_auth").contains("HTTP 500"); // the run did log its failures
            assertThat(log).contains("is running on");
            String said = String.join("\n", answers);
            assertThat(said).contains("threeam_slack_errors_total").contains("token refused: invalid_auth").contains("wrong bearer token");
            for (String secret : List.of(BOT_TOKEN, SIGNING_SECRET, WEBHOOK_TOKEN, NEXT_WEBHOOK_TOKEN, LANGFUSE_SECRET)) {
                assertThat(log).doesNotContain(secret).doesNotContain(secret.substring(secret.length() - 10));
                assertThat(said).doesNotContain(secret).doesNotContain(secret.substring(secret.length() - 10));
            }
        }
    }

    private void exercise(ChildApp app, FakeSlack slack) throws Exception {
        String alert = generic("support-chat", "g-secret", "fp-secret", "Faithfulness 0.71 < 0.85");
        assertThat(send(app, alertRequest(app, "Bearer wrong-token", alert))).isEqualTo(401);
        assertThat(send(app, alertRequest(app, "Basic " + WEBHOOK_TOKEN, alert))).isEqualTo(401);
        assertThat(send(app, alertRequest(app, "Bearer " + WEBHOOK_TOKEN + "x", alert))).isEqualTo(401);
        assertThat(send(app, alertRequest(app, "Bearer " + WEBHOOK_TOKEN + "," + NEXT_WEBHOOK_TOKEN, alert))).isEqualTo(401);
        assertThat(send(app, alertRequest(app, "Bearer " + WEBHOOK_TOKEN, "{broken"))).isEqualTo(400);
        slack.failNext("chat.postMessage", 500);
        assertThat(send(app, alertRequest(app, "Bearer " + WEBHOOK_TOKEN, alert))).isEqualTo(202);
        assertThat(send(app, alertRequest(app, "Bearer " + NEXT_WEBHOOK_TOKEN,
                generic("support-chat", "g-secret-2", "fp-secret-2", "Recall low")))).as("the token rotated in works too").isEqualTo(202);

        String change = "{\"workflow\":\"support-chat\",\"kind\":\"prompt\",\"summary\":\"Prompt v42\"}";
        assertThat(send(app, request(app, "/changes", "Bearer " + NEXT_WEBHOOK_TOKEN, change))).isEqualTo(201);
        String langfuse = "{\"id\":\"e1\",\"timestamp\":\"2026-11-28T01:40:00Z\",\"type\":\"prompt-version\",\"apiVersion\":\"v1\","
                + "\"action\":\"created\",\"prompt\":{\"name\":\"support-chat\",\"version\":42,\"labels\":[\"production\"]}}";
        HttpRequest badLangfuse = HttpRequest.newBuilder(URI.create(app.url("/changes/langfuse")))
                .header("x-langfuse-signature", "t=1,v1=00").POST(HttpRequest.BodyPublishers.ofString(langfuse)).build();
        assertThat(send(app, badLangfuse)).isEqualTo(401);
        long now = System.currentTimeMillis() / 1000;
        HttpRequest goodLangfuse = HttpRequest.newBuilder(URI.create(app.url("/changes/langfuse")))
                .header("x-langfuse-signature", "t=" + now + ",v1=" + hmac(LANGFUSE_SECRET, now + "." + langfuse))
                .POST(HttpRequest.BodyPublishers.ofString(langfuse)).build();
        assertThat(send(app, goodLangfuse)).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> !slack.topLevel(SUPPORT_CHANNEL).isEmpty());
        String press = Payloads.buttonPress("U0ONCALL", SUPPORT_CHANNEL, slack.topLevel(SUPPORT_CHANNEL).get(0).ts(), null, "card", "ack",
                "INC-1|ack", "Acknowledge");
        String body = "payload=" + URLEncoder.encode(press, StandardCharsets.UTF_8);
        HttpRequest.Builder forged = HttpRequest.newBuilder(URI.create(app.url("/slack/events")))
                .header("Content-Type", "application/x-www-form-urlencoded");
        new SlackRequestSigner("not-the-secret", Clock.systemUTC()).sign(body).forEach(forged::header);
        assertThat(send(app, forged.POST(HttpRequest.BodyPublishers.ofString(body)).build())).isEqualTo(401);
        HttpRequest.Builder signed = HttpRequest.newBuilder(URI.create(app.url("/slack/events")))
                .header("Content-Type", "application/x-www-form-urlencoded");
        new SlackRequestSigner(SIGNING_SECRET, Clock.systemUTC()).sign(body).forEach(signed::header);
        assertThat(send(app, signed.POST(HttpRequest.BodyPublishers.ofString(body)).build())).isEqualTo(200);

        // Slack refuses the token: said in the log and on /readyz, by name, never the token itself
        slack.refuseToken("invalid_auth");
        assertThat(send(app, alertRequest(app, "Bearer " + WEBHOOK_TOKEN, generic("support-chat", "g-secret-3", "fp-secret-3", "Cost up"))))
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> app.send(get(app, "/readyz")).statusCode() == 503);
        send(app, get(app, "/readyz"));
        send(app, get(app, "/metrics"));
        send(app, get(app, "/api/incidents"));
        send(app, get(app, "/api/incidents/INC-1"));
        send(app, get(app, "/api/incidents/INC-404"));
    }

    /** Sends, keeps what came back (status, headers, body) for the grep, and returns the status. */
    private int send(ChildApp app, HttpRequest request) throws Exception {
        java.net.http.HttpResponse<String> response = app.send(request);
        answers.add(response.statusCode() + " " + response.headers().map() + "\n" + response.body());
        return response.statusCode();
    }

    private static HttpRequest get(ChildApp app, String path) {
        return HttpRequest.newBuilder(URI.create(app.url(path))).header("Authorization", "Bearer " + WEBHOOK_TOKEN).GET().build();
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
