package dev.threeam.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threeam.common.Json;
import io.javalin.Javalin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** The page in headless Chromium: messages and buttons render, text stays text, confirm dialogs guard a press. */
class SandboxPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final SandboxWorkspace workspace = SandboxFixtures.workspace(Clock.systemUTC());
    private FakeBot bot;
    private Javalin server;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "headless browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver "
                        + "(apt-get install -y chromium chromium-driver)");
        bot = new FakeBot();
        SandboxApi api = new SandboxApi(workspace);
        SandboxPage page = new SandboxPage(workspace, bot.baseUrl(), "secret", Clock.systemUTC(), () -> { });
        server = Javalin.create(config -> {
            api.addRoutes(config.routes);
            page.addRoutes(config.routes);
        }).start("127.0.0.1", 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void the_page_shows_a_message_with_its_buttons_and_a_confirmed_press_reaches_the_bot() throws Exception {
        SandboxMessage card = workspace.post("C0INCIDENTS", null, "INC-7", Json.mapper().readTree("""
                [{"type":"header","text":{"type":"plain_text","text":"INC-7 Faithfulness dropped"}},
                 {"type":"section","text":{"type":"mrkdwn",
                   "text":"*Owner:* <@U0ALICE> &lt;img src=x onerror=alert(1)&gt; <https://example.com/d|dashboard>"}},
                 {"type":"actions","block_id":"q3","elements":[
                   {"type":"button","action_id":"q3_rollback","style":"danger","value":"prompt-v41",
                    "text":{"type":"plain_text","text":"Roll back prompt to v41"},
                    "confirm":{"title":{"type":"plain_text","text":"Roll back?"},"text":{"type":"plain_text","text":"Sure?"},
                               "confirm":{"type":"plain_text","text":"Roll back"},"deny":{"type":"plain_text","text":"Cancel"}}},
                   {"type":"button","action_id":"q3_none","style":"primary","value":"none",
                    "text":{"type":"plain_text","text":"No rollback"}}]}]"""), null);

        workspace.post("C0INCIDENTS", card.ts(), "a reply in the thread", null, null);
        browser.get("http://127.0.0.1:" + server.port() + "/sandbox");

        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector(".block-header")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".block-header")).getText()).isEqualTo("INC-7 Faithfulness dropped");
        WebElement section = browser.findElement(By.cssSelector(".section .text"));
        assertThat(section.getText()).isEqualTo("Owner: @alice <img src=x onerror=alert(1)> dashboard");
        assertThat(section.findElements(By.tagName("img"))).isEmpty();
        assertThat(section.findElement(By.tagName("a")).getAttribute("href")).isEqualTo("https://example.com/d");
        List<WebElement> buttons = browser.findElements(By.cssSelector(".actions button"));
        assertThat(buttons).extracting(WebElement::getText).containsExactly("Roll back prompt to v41", "No rollback");
        assertThat(buttons.get(0).getAttribute("class")).contains("btn-danger");
        assertThat(buttons.get(1).getAttribute("class")).contains("btn-primary");

        buttons.get(0).click();
        WebElement dialog = browser.findElement(By.cssSelector(".overlay.confirm"));
        assertThat(dialog.getText()).contains("Roll back?", "Sure?");
        assertThat(bot.received()).isEmpty();
        dialog.findElement(By.cssSelector(".btn-primary, .btn-danger")).click();

        await().atMost(Duration.ofSeconds(10)).until(() -> !bot.received().isEmpty());
        assertThat(bot.last().body()).contains("q3_rollback");
        assertThat(browser.findElement(By.cssSelector(".thread-toggle")).getText()).contains("1 reply");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .as("the page runs under its Content-Security-Policy").noneMatch(message -> message.contains("Content Security Policy"));
    }
}
