package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threeam.testing.HeadlessChrome;
import dev.threeam.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A newcomer presses "Simulate a cost spike" in a real browser against the real bot in sandbox mode: synthetic OTLP
 * streams into the bot's own receiver, the budget breach opens an incident within a minute, and its thread shows the
 * chart inline.
 */
class SandboxSpikeTest {

    @TempDir
    Path dir;

    @Test
    void the_cost_spike_button_opens_an_incident_whose_thread_shows_its_chart() throws Exception {
        HeadlessChrome.assumeInstalled();
        Map<String, String> sandbox = Map.of("PORT", "0", "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sandbox.db"),
                "RUNBOOKS_DIR", TestApp.runbooks(dir).toString(), "CARD_UPDATE_INTERVAL", "0s");
        WebDriver browser = HeadlessChrome.start(true, "--window-size=1280,1600");
        try (TestApp app = TestApp.start(sandbox)) {
            browser.get(app.url("/sandbox"));
            await().ignoreExceptions().atMost(Duration.ofSeconds(15))
                    .until(() -> click(browser, By.cssSelector(".simulate-button"), "Simulate a cost spike"));
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("toast")).getText().startsWith("Streaming"));

            await().ignoreExceptions().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> click(browser, By.cssSelector("#channels .channel-link"), "support-chat") && cardText(browser).contains("cost_failure"));
            assertThat(cardText(browser)).contains("INC-1", "tokens/h over the 3M tokens/h budget");

            await().ignoreExceptions().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (browser.findElements(By.cssSelector("img.file-image")).isEmpty()) {
                    click(browser, By.cssSelector(".thread-toggle"), "▸");
                }
                return loaded(browser);
            });
            WebElement chart = browser.findElement(By.cssSelector("figure.file"));
            assertThat(chart.getText()).isEqualTo("INC-1 support-chat: tokens per hour, last hour");
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/sandbox-spike.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                    .as("the image loads under the page's Content-Security-Policy").noneMatch(message -> message.contains("Content Security Policy"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void the_latency_and_quality_buttons_open_their_incidents_too() {
        Map<String, String> sandbox = Map.of("PORT", "0", "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sandbox.db"),
                "RUNBOOKS_DIR", TestApp.runbooks(dir).toString());
        try (TestApp app = TestApp.start(sandbox)) {
            dev.threeam.testing.SandboxPageClient page = new dev.threeam.testing.SandboxPageClient(app.url(""));
            assertThat(page.post("/sandbox/simulate", "{\"signal\":\"latency\"}").body()).contains("Streaming a latency spike");
            assertThat(page.post("/sandbox/simulate", "{\"signal\":\"quality\"}").body()).contains("Streaming a quality drop");
            assertThat(page.post("/sandbox/simulate", "{\"signal\":\"mood\"}").statusCode()).isEqualTo(400);

            await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                String open = app.get("/api/incidents?status=open").body();
                return open.contains("latency_failure") && open.contains("quality_drift");
            });
            assertThat(app.get("/api/incidents?status=open").body()).contains("p95 latency", "answer_relevance");
        }
    }

    @Test
    void the_spike_buttons_go_through_the_same_origin_guard_like_every_post_under_sandbox() throws Exception {
        Map<String, String> sandbox = Map.of("PORT", "0", "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sandbox.db"),
                "RUNBOOKS_DIR", TestApp.runbooks(dir).toString());
        try (TestApp app = TestApp.start(sandbox)) {
            java.net.http.HttpResponse<String> noToken = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/sandbox/simulate")))
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"signal\":\"cost\"}")).build());
            java.net.http.HttpResponse<String> elsewhere = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/sandbox/simulate")))
                    .header("Content-Type", "application/json").header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"signal\":\"cost\"}")).build());
            java.net.http.HttpResponse<String> noUpload = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    app.url("/sandbox/api/upload/not-a-key"))).POST(java.net.http.HttpRequest.BodyPublishers.ofString("bytes")).build());

            assertThat(noToken.statusCode()).isEqualTo(403);
            assertThat(elsewhere.statusCode()).isEqualTo(403);
            assertThat(noUpload.statusCode()).as("no upload waits at a made-up URL").isEqualTo(404);
            Thread.sleep(2500); // a stream, had one started, would have sent its first exports by now
            long kept = app.app().database().jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM signal_minutes")
                    .mapTo(Long.class).one());
            assertThat(kept).as("nothing was streamed").isZero();
        }
    }

    /** The chart image is in the page and decoded (a broken image has no natural width). */
    private static boolean loaded(WebDriver browser) {
        List<WebElement> images = browser.findElements(By.cssSelector("img.file-image"));
        return !images.isEmpty() && ((Number) ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", images.get(0))).intValue() > 0;
    }

    private static boolean click(WebDriver browser, By selector, String text) {
        WebElement target = browser.findElements(selector).stream().filter(element -> element.getText().contains(text)).findFirst().orElseThrow();
        target.click();
        return true;
    }

    private static String cardText(WebDriver browser) {
        List<WebElement> messages = browser.findElements(By.cssSelector("#messages > .message"));
        return messages.isEmpty() ? "" : messages.get(0).getText();
    }
}
