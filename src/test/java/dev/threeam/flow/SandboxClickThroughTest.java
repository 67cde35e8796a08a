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

/**
 * A newcomer's first minute, in a real browser against the real bot in sandbox mode: open /sandbox, fire a sample
 * incident, press a Q1 button, see the card change.
 */
class SandboxClickThroughTest {


    @TempDir
    Path dir;

    @Test
    void a_newcomer_fires_a_sample_incident_presses_q1_and_sees_the_card_change() {
        HeadlessChrome.assumeInstalled();
        Map<String, String> sandbox = Map.of("PORT", "0", "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sandbox.db"),
                "RUNBOOKS_DIR", TestApp.runbooks(dir).toString(), "CARD_UPDATE_INTERVAL", "0s");
        WebDriver browser = HeadlessChrome.start(false);
        try (TestApp app = TestApp.start(sandbox)) {
            browser.get(app.url("/sandbox"));
            // the page redraws from /sandbox/state every second: look elements up afresh and retry on a stale one
            await().ignoreExceptions().atMost(Duration.ofSeconds(15)).until(() -> click(browser, By.id("fire-sample"), "Fire a sample incident"));
            await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> click(browser, By.cssSelector("#channels .channel-link"), "support-chat"));
            await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> replies(browser) >= 7);
            String cardBefore = cardText(browser);
            assertThat(cardBefore).contains("INC-1").contains("retrieval_failure").contains("0/5 answered");

            await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> click(browser, By.cssSelector(".thread-toggle"), "replies")
                    && !browser.findElements(By.cssSelector("button[data-action-id='q1_tool_failure']")).isEmpty());
            await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> click(browser, By.cssSelector("button[data-action-id='q1_tool_failure']"), "Tool"));

            await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> cardText(browser).contains("tool_failure") && cardText(browser).contains("1/5 answered"));
        } finally {
            browser.quit();
        }
    }

    private static boolean click(WebDriver browser, By selector, String text) {
        WebElement target = browser.findElements(selector).stream().filter(element -> element.getText().contains(text)).findFirst().orElseThrow();
        target.click();
        return true;
    }

    private static int replies(WebDriver browser) {
        String toggle = browser.findElement(By.cssSelector(".thread-toggle")).getText();
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("(\\d+) repl").matcher(toggle);
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }

    private static String cardText(WebDriver browser) {
        List<WebElement> messages = browser.findElements(By.cssSelector("#messages > .message"));
        return messages.isEmpty() ? "" : messages.get(0).getText();
    }
}
