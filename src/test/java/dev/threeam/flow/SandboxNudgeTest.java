package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threeam.common.Json;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.sandbox.SandboxWorkspace;
import dev.threeam.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 22.3 in sandbox mode: a quiet incident's nudge shows in its thread on the sandbox page's workspace. */
class SandboxNudgeTest {

    @TempDir
    Path dir;

    @Test
    void the_sandbox_thread_shows_the_nudge_of_a_quiet_incident() throws Exception {
        Map<String, String> sandbox = Map.of("PORT", "0", "DATABASE_URL", "jdbc:sqlite:" + dir.resolve("sandbox.db"),
                "RUNBOOKS_DIR", TestApp.runbooks(dir).toString(), "CARD_UPDATE_INTERVAL", "0s");
        NudgesTest.ShiftedClock clock = new NudgesTest.ShiftedClock();
        try (TestApp app = TestApp.start(sandbox, clock)) {
            SandboxWorkspace workspace = app.app().sandbox().workspace();
            HttpResponse<String> fired = app.post("/alerts", Json.write(Map.of("workflow", "helpdesk-bot",
                    "title", "p95 latency 9.4 s > 4 s on chat", "failure_type", "latency_failure")));
            String id = Json.mapper().readTree(fired.body()).get("incidents").get(0).asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> card(workspace, id) != null);

            clock.advance(Duration.ofMinutes(31));
            assertThat(app.app().nudges().tick()).isEqualTo(1);

            SandboxMessage card = card(workspace, id);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(workspace.replies(card.channel(), card.ts()))
                    .anySatisfy(reply -> assertThat(reply.text()).contains("Quiet for 31 min").contains("still unanswered")));
        }
    }

    private static SandboxMessage card(SandboxWorkspace workspace, String id) {
        List<SandboxMessage> cards = workspace.channels().stream().flatMap(channel -> workspace.topLevel(channel.id()).stream())
                .filter(message -> message.text() != null && message.text().startsWith(id + " ")).toList();
        return cards.isEmpty() ? null : cards.get(0);
    }
}
