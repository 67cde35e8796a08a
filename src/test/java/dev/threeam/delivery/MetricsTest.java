package dev.threeam.delivery;

import static dev.threeam.delivery.Alerts.SUPPORT_CHANNEL;
import static dev.threeam.delivery.Alerts.generic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} carries what an SRE alerts on, in Prometheus text format. */
class MetricsTest {

    @TempDir
    Path dir;

    @Test
    void metrics_expose_alerts_outbox_slack_calls_and_errors_retries_the_database_and_incidents_by_state() {
        try (FakeSlack slack = new FakeSlack(Map.of()); TestApp app = TestApp.start(TestApp.settings(slack, dir))) {
            slack.rateLimitNext("chat.postMessage", 1).failNext("chat.postMessage", 500);
            app.post("/alerts", generic("support-chat", "g-metrics", "fp-1", "Faithfulness 0.71 < 0.85"));
            app.post("/alerts", "{broken");
            app.post("/alerts/alertmanager", """
                    {"version":"4","status":"firing","groupKey":"k1","alerts":[{"status":"firing","labels":{"alertname":"CostSpike","service":"codegen"}}]}""");

            String waiting = app.get("/metrics").body();
            assertThat(waiting).containsPattern("threeam_outbox_depth [1-9]")
                    .containsPattern("threeam_outbox_oldest_age_seconds \\d");
            await().atMost(Duration.ofSeconds(30)).until(() -> Alerts.delivered(slack, SUPPORT_CHANNEL, 1)
                    && app.get("/metrics").body().contains("threeam_outbox_depth 0.0"));

            String metrics = app.get("/metrics").body();
            assertThat(metrics)
                    .contains("threeam_alerts_received_total{result=\"accepted\",source=\"generic\"} 1.0")
                    .contains("threeam_alerts_received_total{result=\"rejected\",source=\"generic\"} 1.0")
                    .contains("threeam_alerts_received_total{result=\"accepted\",source=\"alertmanager\"} 1.0")
                    .contains("threeam_outbox_oldest_age_seconds 0.0")
                    .containsPattern("threeam_slack_calls_total\\{method=\"chat.postMessage\",outcome=\"ok\"} \\d")
                    .contains("threeam_slack_calls_total{method=\"chat.postMessage\",outcome=\"rate_limited\"} 1.0")
                    .contains("threeam_slack_calls_total{method=\"chat.postMessage\",outcome=\"http_500\"} 1.0")
                    .contains("threeam_outbox_retries_total{kind=\"post_card\"} 1.0")
                    .contains("threeam_incidents{status=\"triggered\"} 2.0")
                    .contains("threeam_incidents{status=\"resolved\"} 0.0")
                    .contains("threeam_slack_errors_total{error=\"http_500\",method=\"chat.postMessage\"} 1.0")
                    .doesNotContain("threeam_slack_errors_total{error=\"rate_limited\"")
                    .contains("threeam_outbox_retrying 0.0")
                    .contains("threeam_database_available 1.0")
                    .contains("threeam_database_unavailable_total 0.0")
                    .contains("threeam_database_outages_total 0.0");
        }
    }
}
