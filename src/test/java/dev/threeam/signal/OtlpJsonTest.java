package dev.threeam.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.MutableClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same breaches as OTLP JSON (the SDK has no JSON exporter): cumulative temporality with a counter reset, delta
 * histograms in milliseconds, evaluation events named either way, and a batch mixing what 3am reads with what it
 * does not, answered 200 with {@code partialSuccess}.
 */
class OtlpJsonTest {

    @TempDir
    Path dir;
    FakeSlack slack;
    SignalApp app;

    @BeforeEach
    void start() {
        slack = new FakeSlack(Map.of());
        app = SignalApp.start(SignalApp.settings(slack, dir), MutableClock.at("2026-11-28T02:00:00Z"));
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    JsonNode send(String path, String fixture) {
        return send(path, fixture, app.clock.instant());
    }

    /** Sends a fixture whose {@code ${t}} is {@code t}. */
    JsonNode send(String path, String fixture, java.time.Instant t) {
        HttpResponse<byte[]> response = app.post(path, "application/json", Fixtures.json(fixture, t));
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        try {
            return Json.mapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void holdAndEvaluate() {
        app.tick();
        app.clock.advance(Duration.ofSeconds(2));
        app.tick();
    }

    double spent() {
        return app.sum("SELECT SUM(total) FROM signal_minutes WHERE series = 'usd'");
    }

    @Test
    void cumulative_token_usage_counts_only_what_was_added_and_a_counter_reset_counts_from_zero() {
        java.time.Instant exported = app.clock.instant(); // both points of the stream, as one process exported them
        assertThat(send("/v1/metrics", "token-usage-1.json", exported).has("partialSuccess")).isFalse();
        assertThat(spent()).as("a stream that started a day ago: its first point is only a baseline").isZero();
        holdAndEvaluate();
        assertThat(app.incidents()).isEmpty();

        send("/v1/metrics", "token-usage-2.json", exported); // 20M more output tokens at $10 per million
        assertThat(spent()).isCloseTo(200.0, org.assertj.core.api.Assertions.within(1e-6));
        holdAndEvaluate();
        List<JsonNode> incidents = app.incidents();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("failure_type").asText()).isEqualTo("cost_failure");
        assertThat(incidents.get(0).get("title").asText()).isEqualTo("support-chat: cost $200/h over the $150/h budget");

        app.clock.advance(Duration.ofSeconds(30));
        send("/v1/metrics", "token-usage-reset.json"); // the process restarted: 500k tokens since its new start
        assertThat(spent()).isCloseTo(205.0, org.assertj.core.api.Assertions.within(1e-6));
        holdAndEvaluate();
        assertThat(app.incidents()).hasSize(1);

        app.clock.advance(Duration.ofMinutes(62));
        holdAndEvaluate();
        assertThat(app.incidents().get(0).get("status").asText()).isEqualTo("resolved");
    }

    @Test
    void a_delta_latency_histogram_in_milliseconds_breaks_the_p95_target() {
        JsonNode answer = send("/v1/metrics", "latency-delta.json");
        // the time-to-first-chunk point is read, but this runbook writes no ttft_p95_seconds
        assertThat(answer.get("partialSuccess").get("rejectedDataPoints").asText()).isEqualTo("1");
        assertThat(answer.get("partialSuccess").get("errorMessage").asText()).contains("latency.ttft_p95_seconds");
        holdAndEvaluate();
        List<JsonNode> incidents = app.incidents();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("failure_type").asText()).isEqualTo("latency_failure");
        assertThat(incidents.get(0).get("title").asText()).isEqualTo("support-chat: p95 latency 7.76 s over the 4 s target");
    }

    @Test
    void evaluation_events_named_in_event_name_or_an_attribute_break_the_quality_threshold() {
        JsonNode answer = send("/v1/logs", "evaluations.json");
        assertThat(answer.get("partialSuccess").get("rejectedLogRecords").asText()).isEqualTo("2");
        assertThat(answer.get("partialSuccess").get("errorMessage").asText())
                .contains("evaluation faithfulness for support-chat").contains("not a gen_ai.evaluation.result event");
        holdAndEvaluate();
        List<JsonNode> incidents = app.incidents();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("failure_type").asText()).isEqualTo("quality_drift");
        assertThat(incidents.get(0).get("title").asText()).isEqualTo("support-chat: helpfulness 0.52 under the 0.75 threshold");
    }

    @Test
    void cumulative_tool_durations_with_a_reset_give_the_error_rate_of_the_calls_made() {
        send("/v1/metrics", "tools-cumulative.json");
        holdAndEvaluate();
        List<JsonNode> incidents = app.incidents();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("failure_type").asText()).isEqualTo("tool_failure");
        // 14 good calls, 20 + 6 failed (the error stream restarted): 26 of 40
        assertThat(incidents.get(0).get("title").asText()).isEqualTo("support-chat: tool lookup_order failing 65% of calls (threshold < 0.05)");
    }

    @Test
    void unknown_metrics_and_unmatched_workflows_are_answered_200_with_partial_success_counts() {
        JsonNode answer = send("/v1/metrics", "mixed.json");
        JsonNode partial = answer.get("partialSuccess");
        assertThat(partial.get("rejectedDataPoints").asText()).isEqualTo("4");
        assertThat(partial.get("errorMessage").asText())
                .contains("2 no workflow (service.name=payments-api matches no runbook, no service.name, gen_ai.workflow.name or workflow attribute)")
                .contains("2 unknown metric (http.server.request.duration, process.runtime.jvm.threads.count)");
        assertThat(app.sum("SELECT SUM(samples) FROM signal_minutes WHERE series = 'latency'")).isEqualTo(5.0);
        var coverage = app.app.signals().coverage(app.app.runbooks().find("support-chat").orElseThrow());
        assertThat(coverage).filteredOn(SignalCoverage.Line::hasData).extracting(SignalCoverage.Line::threshold)
                .containsExactly("latency.p95_seconds");
        assertThat(coverage).filteredOn(line -> !line.hasData()).extracting(SignalCoverage.Line::threshold)
                .containsExactly("budgets.usd_per_hour", "quality.helpfulness", "tools.error_rate");
        String metrics = new String(app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url("/metrics"))).build()).body());
        assertThat(metrics).contains("threeam_otlp_points_received_total{signal=\"metrics\"} 5.0")
                .contains("threeam_otlp_points_dropped_total{reason=\"unknown_metric\",signal=\"metrics\"} 2.0")
                .contains("threeam_otlp_series 1.0");
    }
}
