package dev.threeam.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.sandbox.SlackRequestSigner;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slack delivers an event again ({@code X-Slack-Retry-Num}, same {@code event_id}): it acts once. */
class SlackReplaysTest {

    @TempDir
    Path dir;

    @Test
    void an_event_slack_delivers_again_acts_once_and_a_new_event_acts_again() {
        try (FakeSlack slack = new FakeSlack(Map.of()); TestApp app = TestApp.start(TestApp.settings(slack, dir))) {
            assertThat(deliver(app, "Ev0REPLAY1", null).statusCode()).isEqualTo(200);
            assertThat(deliver(app, "Ev0REPLAY1", "1").statusCode()).isEqualTo(200);
            assertThat(deliver(app, "Ev0REPLAY1", "2").statusCode()).isEqualTo(200);
            assertThat(slack.calls("views.publish")).as("the Home tab is published once for the event").hasSize(1);

            assertThat(deliver(app, "Ev0REPLAY2", null).statusCode()).isEqualTo(200);
            assertThat(slack.calls("views.publish")).hasSize(2);
        }
    }

    private static HttpResponse<String> deliver(TestApp app, String eventId, String retryNum) {
        long now = System.currentTimeMillis() / 1000;
        String event = """
                {"token":"x","team_id":"T0SANDBOX","api_app_id":"A0THREEAM","type":"event_callback","event_id":"%s",
                 "event_time":%d,"event":{"type":"app_home_opened","user":"U0ONCALL","channel":"D0HOME","tab":"home","event_ts":"%d.000100"}}"""
                .formatted(eventId, now, now);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url("/slack/events"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(event));
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
        }
        new SlackRequestSigner(TestApp.SIGNING_SECRET, Clock.systemUTC()).sign(event).forEach(request::header);
        return app.send(request.build());
    }
}
