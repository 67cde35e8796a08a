package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threeam.common.Json;
import dev.threeam.testing.HeadlessChrome;
import dev.threeam.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Issue 22.1 on the sandbox page, in a real browser: the card's silence select, its confirm dialog, the would-be call. */
class SandboxSilenceBrowserTest {

    @TempDir
    Path dir;

    @Test
    void a_newcomer_chooses_a_silence_on_the_card_confirms_it_and_sees_the_would_be_call() throws Exception {
        HeadlessChrome.assumeInstalled();
        Map<String, String> sandbox = Map.of("PORT", "0", "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sandbox.db"),
                "RUNBOOKS_DIR", TestApp.runbooks(dir).toString(), "CARD_UPDATE_INTERVAL", "0s");
        WebDriver browser = HeadlessChrome.start(false);
        try (TestApp app = TestApp.start(sandbox)) {
            String fired = app.post("/alerts/alertmanager", SilenceRefusalsTest.alertmanagerWebhook("ChatLatencyHigh")).body();
            String id = Json.mapper().readTree(fired).get("incidents").get(0).asText();
            browser.get(app.url("/sandbox"));
            await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> {
                browser.findElements(By.cssSelector("#channels .channel-link")).stream()
                        .filter(link -> link.getText().contains("support-chat") || link.getText().contains("C0SUPPORTCHAT")).findFirst().orElseThrow().click();
                return !browser.findElements(By.cssSelector("select[data-action-id='silence']")).isEmpty();
            });
            await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> {
                new Select(browser.findElement(By.cssSelector("select[data-action-id='silence']"))).selectByValue(id + "|2h");
                return browser.findElement(By.cssSelector("#confirm-root .dialog-title")).getText().contains("Silence at the source?");
            });
            WebElement confirm = browser.findElements(By.cssSelector("#confirm-root .dialog-footer button")).stream()
                    .filter(button -> button.getText().equals("Silence")).findFirst().orElseThrow();
            confirm.click();

            await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> {
                browser.findElements(By.cssSelector(".thread-toggle")).stream().findFirst().ifPresent(WebElement::click);
                return browser.getPageSource().contains("would silence at the source");
            });
            assertThat(browser.getPageSource()).contains("/api/v2/silences").contains("ChatLatencyHigh");
        } finally {
            browser.quit();
        }
    }
}
