package dev.threeam.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.sandbox.SandboxCall;
import dev.threeam.sandbox.SandboxFiles;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.MutableClock;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incident 3am raised from telemetry gets its signal's last hour as a chart in its thread, uploaded the way Slack
 * takes files (files.getUploadURLExternal → the bytes → files.completeUploadExternal): once while open, once more at
 * resolution, never twice for one try; when Slack refuses the image, the numbers go into the thread instead.
 */
class TelemetryChartTest {

    static final String CHANNEL = "C0SUPPORTCHAT";
    static final String TITLE = "INC-1 support-chat: cost per hour, last hour";

    @TempDir
    Path dir;
    FakeSlack slack;
    SignalApp app;

    @BeforeEach
    void start() {
        slack = new FakeSlack(Map.of("S0HELPDESK", List.of("U0ONCALL")));
        Map<String, String> settings = new java.util.HashMap<>(SignalApp.settings(slack, dir));
        database().ifPresent(url -> settings.put("DATABASE_URL", url));
        app = SignalApp.start(settings, MutableClock.at("2026-11-28T02:00:00Z"));
    }

    /** The database to run on: empty means the temporary SQLite file. */
    java.util.Optional<String> database() {
        return java.util.Optional.empty();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        slack.close();
        stopped();
    }

    /** After the app stopped (the PostgreSQL variant drops its schema). */
    void stopped() {}

    @Test
    void a_telemetry_incident_gets_one_chart_in_its_thread_with_its_title_and_a_valid_png() throws IOException {
        breachTheHourlyBudget();

        awaitMovingTime(() -> charts().size() == 1);
        SandboxMessage chart = charts().get(0);
        JsonNode file = chart.files().get(0);
        assertThat(file.path("title").asText()).isEqualTo(TITLE);
        assertThat(file.path("mimetype").asText()).isEqualTo("image/png");
        assertThat(chart.text()).contains("support-chat", "cost per hour over the last hour: now $200", "threshold <= $150",
                "in breach since 02:00");
        byte[] png = slack.workspace().files().file(file.path("id").asText()).map(SandboxFiles.SandboxFile::bytes).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        assertThat(image.getWidth()).isBetween(400, 2000);
        assertThat(image.getHeight()).isBetween(200, 1200);
        assertThat(png.length).as("far under Slack's 1 GB file limit; a thumbnail-sized image").isBetween(2_000, 1_000_000);

        SandboxCall asked = slack.calls("files.getUploadURLExternal").get(0);
        assertThat(Integer.parseInt(asked.params().get("length"))).isEqualTo(png.length);
        assertThat(asked.params().get("alt_txt")).contains("Line chart of support-chat cost per hour");
        SandboxCall shared = slack.calls("files.completeUploadExternal").get(0);
        assertThat(shared.params()).containsEntry("channel_id", CHANNEL).containsEntry("thread_ts", card().ts());

        assertThat(app.app.charts().tick()).as("no redraw before five minutes").isZero();
        assertThat(slack.calls("files.completeUploadExternal")).hasSize(1);
    }

    @Test
    void the_chart_is_drawn_again_after_five_minutes_and_once_more_at_resolution() {
        breachTheHourlyBudget();
        awaitMovingTime(() -> charts().size() == 1);

        app.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        app.app.charts().tick();
        awaitMovingTime(() -> charts().size() == 2);

        app.clock.advance(Duration.ofMinutes(61)); // the hour's spend has left the window: back within budget
        app.tick();
        app.clock.advance(Duration.ofSeconds(2));
        app.tick();
        await().atMost(Duration.ofSeconds(20)).until(() -> app.incident("INC-1").path("status").asText().equals("resolved"));
        app.app.charts().tick();
        awaitMovingTime(() -> titles().stream().anyMatch(title -> title.endsWith("to resolution")));
        app.app.charts().tick();
        assertThat(titles().stream().filter(title -> title.endsWith("to resolution"))).hasSize(1);
        SandboxMessage last = charts().get(charts().size() - 1);
        assertThat(last.text()).contains("in breach from 02:00 to 03:06");
    }

    @Test
    void an_upload_slack_refuses_leaves_the_numbers_as_text_in_the_thread_and_loses_nothing_else() {
        slack.errorNext("files.getUploadURLExternal", "not_allowed_token_type");
        breachTheHourlyBudget();

        awaitMovingTime(() -> notices("Chart not shown").size() == 1);
        assertThat(notices("Chart not shown").get(0).text()).contains("not_allowed_token_type", "now $200", "threshold <= $150");
        assertThat(charts()).isEmpty();
        assertThat(slack.replies(CHANNEL, card().ts())).as("the opening replies all arrived, and the notice").hasSizeGreaterThanOrEqualTo(8);
        assertThat(app.incident("INC-1").path("timeline").toString()).contains("Chart not shown");

        app.app.charts().tick();
        assertThat(notices("Chart not shown")).as("said once").hasSize(1);
    }

    @Test
    void an_upload_failing_with_5xx_three_times_leaves_the_numbers_as_text() {
        slack.failNext("files.completeUploadExternal", 500).failNext("files.completeUploadExternal", 503)
                .failNext(FakeSlack.UPLOAD_URL, 502);
        breachTheHourlyBudget();

        awaitMovingTime(() -> {
            app.clock.advance(Duration.ofSeconds(2)); // past each retry's backoff
            return notices("Chart not shown").size() == 1;
        });
        assertThat(notices("Chart not shown").get(0).text()).contains("HTTP 50", "now $200");
        assertThat(charts()).isEmpty();
    }

    @Test
    void a_share_that_reached_slack_before_its_answer_was_lost_is_not_shared_again() {
        slack.loseAnswerNext("files.completeUploadExternal");
        breachTheHourlyBudget();

        awaitMovingTime(() -> {
            app.clock.advance(Duration.ofSeconds(2));
            return slack.calls("conversations.replies").size() >= 1 && charts().size() == 1;
        });
        app.clock.advance(Duration.ofSeconds(10));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> charts().size() == 1);
        assertThat(slack.calls("files.completeUploadExternal")).as("looked in the thread, found it, shared nothing more").hasSize(1);
        assertThat(notices("Chart not shown")).isEmpty();
    }

    /** $200 of gpt-4o output tokens in one export, against a $150/h budget held 1 s. */
    private void breachTheHourlyBudget() {
        Instant now = app.clock.instant();
        String export = """
                {"resourceMetrics":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"support-chat"}}]},
                 "scopeMetrics":[{"scope":{"name":"openai"},"metrics":[{"name":"gen_ai.client.token.usage","unit":"{token}",
                  "histogram":{"aggregationTemporality":1,"dataPoints":[{"attributes":[
                    {"key":"gen_ai.token.type","value":{"stringValue":"output"}},{"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}}],
                   "startTimeUnixNano":"%d","timeUnixNano":"%d","count":"40","sum":20000000,"bucketCounts":["0","40"],"explicitBounds":[1]}]}}]}]}]}
                """.formatted(Temporality.nanos(now.minusSeconds(10)), Temporality.nanos(now));
        assertThat(app.post("/v1/metrics", "application/json", export.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        app.tick();
        app.clock.advance(Duration.ofSeconds(2));
        app.tick();
        awaitMovingTime(() -> !slack.topLevel(CHANNEL).isEmpty() && slack.replies(CHANNEL, card().ts()).size() >= 7);
    }

    /**
     * Waits for {@code condition}, moving the app's clock a second at each look: Slack pacing puts rows back for a
     * moment of the app's clock, and the clock only moves when the test moves it.
     */
    private void awaitMovingTime(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            app.clock.advance(Duration.ofMillis(500));
            return condition.call();
        });
    }

    private SandboxMessage card() {
        return slack.topLevel(CHANNEL).get(0);
    }

    private List<SandboxMessage> charts() {
        return slack.topLevel(CHANNEL).isEmpty() ? List.of()
                : slack.replies(CHANNEL, card().ts()).stream().filter(message -> message.files() != null).toList();
    }

    private List<String> titles() {
        return charts().stream().map(message -> message.files().get(0).path("title").asText()).toList();
    }

    private List<SandboxMessage> notices(String containing) {
        return slack.topLevel(CHANNEL).isEmpty() ? List.of() : slack.replies(CHANNEL, card().ts()).stream()
                .filter(message -> message.text() != null && message.text().contains(containing)).toList();
    }

    static JsonNode json(String text) throws IOException {
        return Json.mapper().readTree(text);
    }
}
