package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threeam.testing.HeadlessChrome;
import dev.threeam.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 22's sandbox, in a real browser against the real bot: a newcomer posts a message, declares it from the
 * message's menu through the modal's selects, and the page follows the thread to the runbook's channel, shown by name,
 * with emoji rather than shortcodes.
 */
class SandboxDeclareBrowserTest {

    @TempDir
    Path dir;

    @Test
    void a_newcomer_declares_an_incident_from_a_message_and_the_page_follows_the_thread() {
        HeadlessChrome.assumeInstalled();
        Map<String, String> sandbox = Map.of("PORT", "0", "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sandbox.db"),
                "RUNBOOKS_DIR", TestApp.runbooks(dir).toString(), "CARD_UPDATE_INTERVAL", "0s");
        WebDriver browser = HeadlessChrome.start(false);
        try (TestApp app = TestApp.start(sandbox)) {
            browser.get(app.url("/sandbox"));
            await().ignoreExceptions().atMost(Duration.ofSeconds(15)).until(() -> channels(browser).contains("# support-chat"));
            assertThat(channels(browser)).doesNotContain("C0SUPPORTCHAT");

            WebElement say = browser.findElement(By.id("say-text"));
            say.sendKeys("helpdesk-bot cites last year's refund policy :eyes:");
            browser.findElement(By.cssSelector("#say-form button")).click();
            await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> messagesText(browser).contains("refund policy \uD83D\uDC40"));

            await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> {
                browser.findElement(By.cssSelector("#messages .message .menu-toggle")).click();
                browser.findElement(By.cssSelector("#messages .message .menu-item[data-callback-id='declare_incident']")).click();
                return true;
            });
            await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.cssSelector("#modal-root select")).isEmpty());
            Select workflow = new Select(browser.findElement(By.id("in-workflow-value")));
            assertThat(workflow.getFirstSelectedOption().getAttribute("value")).isEqualTo("support-chat");
            new Select(browser.findElement(By.id("in-failure_type-value"))).selectByValue("retrieval_failure");
            browser.findElements(By.cssSelector("#modal-root .dialog-footer button")).stream()
                    .filter(button -> button.getText().equals("Declare")).findFirst().orElseThrow().click();

            await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> activeChannel(browser).contains("support-chat")
                    && messagesText(browser).contains("INC-1"));
            String card = messagesText(browser);
            assertThat(card).contains("retrieval_failure").contains("\uD83D\uDEA8").doesNotContain(":rotating_light:");
        } finally {
            browser.quit();
        }
    }

    private static String channels(WebDriver browser) {
        return String.join("\n", browser.findElements(By.cssSelector("#channels .channel-link")).stream().map(WebElement::getText).toList());
    }

    private static String activeChannel(WebDriver browser) {
        List<WebElement> active = browser.findElements(By.cssSelector("#channels .channel-link.active"));
        return active.isEmpty() ? "" : active.get(0).getText();
    }

    private static String messagesText(WebDriver browser) {
        return browser.findElement(By.id("messages")).getText();
    }
}
