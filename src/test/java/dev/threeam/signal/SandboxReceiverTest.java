package dev.threeam.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In sandbox mode (no Slack app, no WEBHOOK_TOKEN) the receiver works the same and asks for no token. */
class SandboxReceiverTest {

    @TempDir
    Path dir;

    @Test
    void the_sandbox_receives_otlp_without_a_token_and_opens_the_incident_in_its_own_workspace() {
        try (FakeSlack unused = new FakeSlack(Map.of())) {
            Map<String, String> settings = new java.util.HashMap<>(SignalApp.settings(unused, dir));
            settings.keySet().removeAll(java.util.List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL", "WEBHOOK_TOKEN"));
            try (SignalApp app = SignalApp.start(settings, MutableClock.at("2026-11-28T02:00:00Z"))) {
                HttpResponse<byte[]> response = app.send(HttpRequest.newBuilder(URI.create(app.url("/v1/metrics")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.json("latency-delta.json", app.clock.instant()))).build());
                assertThat(response.statusCode()).isEqualTo(200);
                app.tick();
                app.clock.advance(Duration.ofSeconds(2));
                app.tick();
                assertThat(app.incidents()).singleElement()
                        .satisfies(incident -> assertThat(incident.get("failure_type").asText()).isEqualTo("latency_failure"));
            }
        }
    }
}
