package dev.threeam.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.MutableClock;
import dev.threeam.testing.TestApp;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real OTLP protobuf from the OpenTelemetry Java SDK (the HTTP exporter) at the running app: each breach of the
 * sample runbook opens exactly one incident of its type with the numbers in its title, and resolves at the source
 * once the signal is back within threshold for the hold.
 */
class SdkExportTest {

    static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");

    @TempDir
    Path dir;
    FakeSlack slack;
    SignalApp app;
    SdkMeterProvider meters;
    SdkLoggerProvider loggers;

    @BeforeEach
    void start() {
        slack = new FakeSlack(java.util.Map.of());
        app = SignalApp.start(SignalApp.settings(slack, dir), new MutableClock(Instant.now()));
    }

    @AfterEach
    void stop() {
        if (meters != null) {
            meters.shutdown().join(5, TimeUnit.SECONDS);
        }
        if (loggers != null) {
            loggers.shutdown().join(5, TimeUnit.SECONDS);
        }
        app.close();
        slack.close();
    }

    Meter meter(AggregationTemporalitySelector temporality) {
        OtlpHttpMetricExporter exporter = OtlpHttpMetricExporter.builder().setEndpoint(app.url("/v1/metrics"))
                .addHeader("Authorization", "Bearer " + TestApp.TOKEN).setAggregationTemporalitySelector(temporality).build();
        meters = SdkMeterProvider.builder().setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE, "helpdesk-bot"))))
                .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build()).build();
        return meters.get("dev.threeam.test");
    }

    void export() {
        assertThat(meters.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).as("export accepted").isTrue();
    }

    /** Evaluates, lets the 1 s hold pass, evaluates again. */
    void holdAndEvaluate() {
        app.tick();
        app.clock.advance(Duration.ofSeconds(2));
        app.tick();
    }

    JsonNode onlyIncident() {
        List<JsonNode> incidents = app.incidents();
        assertThat(incidents).hasSize(1);
        return incidents.get(0);
    }

    @Test
    void token_usage_over_the_hourly_budget_opens_one_cost_incident_that_resolves_when_the_hour_passes() {
        LongHistogram tokens = meter(AggregationTemporalitySelector.alwaysCumulative())
                .histogramBuilder("gen_ai.client.token.usage").ofLongs().setUnit("{token}").build();
        Attributes output = Attributes.builder().put("gen_ai.token.type", "output").put("gen_ai.request.model", "gpt-4o")
                .put("gen_ai.response.model", "gpt-4o-2024-08-06").put("gen_ai.operation.name", "chat").build();
        Attributes input = output.toBuilder().put("gen_ai.token.type", "input").build();
        tokens.record(20_000_000, output); // $200 at $10 per million output tokens
        tokens.record(4_000_000, input); // $10 at $2.50 per million input tokens
        export();
        holdAndEvaluate();

        JsonNode incident = onlyIncident();
        assertThat(incident.get("failure_type").asText()).isEqualTo("cost_failure");
        assertThat(incident.get("title").asText()).isEqualTo("support-chat: cost $210/h over the $150/h budget");
        assertThat(incident.get("workflow").asText()).isEqualTo("support-chat");
        JsonNode full = app.incident(incident.get("id").asText());
        assertThat(full.get("classification").get("confidence").asDouble()).isEqualTo(1.0);
        assertThat(full.get("alerts").get(0).get("labels").get("signal").asText()).isEqualTo("budgets.usd_per_hour");

        tokens.record(1_000, input); // still over budget: the same incident, no second one
        export();
        holdAndEvaluate();
        assertThat(app.incidents()).hasSize(1);

        app.clock.advance(Duration.ofMinutes(62)); // the spend leaves the rolling hour
        holdAndEvaluate();
        assertThat(onlyIncident().get("status").asText()).isEqualTo("resolved");
    }

    @Test
    void a_latency_histogram_above_the_p95_target_opens_one_latency_incident_that_resolves_when_fast_again() {
        DoubleHistogram duration = meter(AggregationTemporalitySelector.alwaysCumulative())
                .histogramBuilder("gen_ai.client.operation.duration").setUnit("s")
                .setExplicitBucketBoundariesAdvice(List.of(0.5, 1.0, 2.0, 4.0, 8.0, 16.0)).build();
        Attributes chat = Attributes.builder().put("gen_ai.operation.name", "chat").put("gen_ai.request.model", "gpt-4o").build();
        for (int call = 0; call < 10; call++) {
            duration.record(6.0, chat);
        }
        export();
        holdAndEvaluate();

        JsonNode incident = onlyIncident();
        assertThat(incident.get("failure_type").asText()).isEqualTo("latency_failure");
        assertThat(incident.get("title").asText()).isEqualTo("support-chat: p95 latency 7.8 s over the 4 s target");

        app.clock.advance(Duration.ofMinutes(2)); // the slow minute leaves the 30 s window
        for (int call = 0; call < 10; call++) {
            duration.record(0.3, chat);
        }
        export();
        holdAndEvaluate();
        assertThat(onlyIncident().get("status").asText()).isEqualTo("resolved");
    }

    @Test
    void evaluation_events_under_the_quality_threshold_open_one_quality_incident_that_resolves_when_scores_recover() {
        OtlpHttpLogRecordExporter exporter = OtlpHttpLogRecordExporter.builder().setEndpoint(app.url("/v1/logs"))
                .addHeader("Authorization", "Bearer " + TestApp.TOKEN).build();
        loggers = SdkLoggerProvider.builder().setResource(Resource.create(Attributes.of(SERVICE, "support-chat")))
                .addLogRecordProcessor(BatchLogRecordProcessor.builder(exporter).setScheduleDelay(Duration.ofHours(1)).build()).build();
        Logger logger = loggers.get("dev.threeam.test");
        for (int event = 0; event < 6; event++) {
            logger.logRecordBuilder().setEventName("gen_ai.evaluation.result").setAttribute("gen_ai.evaluation.name", "helpfulness")
                    .setAttribute("gen_ai.evaluation.score.value", 0.5).setAttribute("gen_ai.response.id", "resp-" + event).emit();
        }
        assertThat(loggers.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        holdAndEvaluate();

        JsonNode incident = onlyIncident();
        assertThat(incident.get("failure_type").asText()).isEqualTo("quality_drift");
        assertThat(incident.get("title").asText()).isEqualTo("support-chat: helpfulness 0.5 under the 0.75 threshold");

        app.clock.advance(Duration.ofMinutes(2));
        for (int event = 0; event < 6; event++) {
            logger.logRecordBuilder().setEventName("gen_ai.evaluation.result").setAttribute("gen_ai.evaluation.name", "helpfulness")
                    .setAttribute("gen_ai.evaluation.score.value", 0.9).emit();
        }
        assertThat(loggers.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        holdAndEvaluate();
        assertThat(onlyIncident().get("status").asText()).isEqualTo("resolved");
    }

    @Test
    void tool_calls_failing_over_the_error_rate_open_one_tool_incident_that_resolves_when_calls_succeed() {
        DoubleHistogram tool = meter(AggregationTemporalitySelector.deltaPreferred())
                .histogramBuilder("gen_ai.execute_tool.duration").setUnit("s").build();
        Attributes ok = Attributes.builder().put("gen_ai.tool.name", "lookup_order").put("gen_ai.operation.name", "execute_tool").build();
        Attributes failed = ok.toBuilder().put("error.type", "timeout").build();
        for (int call = 0; call < 6; call++) {
            tool.record(0.2, ok);
            tool.record(5.0, failed);
        }
        tool.record(0.1, Attributes.of(AttributeKey.stringKey("gen_ai.tool.name"), "create_ticket")); // a healthy tool
        export();
        holdAndEvaluate();

        JsonNode incident = onlyIncident();
        assertThat(incident.get("failure_type").asText()).isEqualTo("tool_failure");
        assertThat(incident.get("title").asText()).isEqualTo("support-chat: tool lookup_order failing 50% of calls (threshold < 0.05)");

        app.clock.advance(Duration.ofMinutes(2));
        for (int call = 0; call < 20; call++) {
            tool.record(0.2, ok);
        }
        export();
        holdAndEvaluate();
        assertThat(onlyIncident().get("status").asText()).isEqualTo("resolved");
    }
}
