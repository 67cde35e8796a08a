package dev.threeam.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.MutableClock;
import dev.threeam.testing.PostgresSchema;
import dev.threeam.testing.TestApp;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on one PostgreSQL behind a "load balancer" that sends each half of the exports: neither alone sees a
 * breach, together they do, and exactly one incident opens per breach. The cumulative stream split between them
 * is counted once (its last point is shared), and only the replica holding the lease evaluates.
 */
class ReplicasPostgresTest {

    @TempDir
    Path dir;

    @Test
    void two_replicas_each_receiving_half_the_points_open_exactly_one_incident_per_breach() {
        try (PostgresSchema schema = PostgresSchema.create(); FakeSlack slack = new FakeSlack(Map.of())) {
            Map<String, String> settings = new java.util.HashMap<>(SignalApp.settings(slack, dir));
            settings.put("DATABASE_URL", schema.url());
            MutableClock clock = new MutableClock(Instant.now());
            try (SignalApp one = SignalApp.start(settings, clock); SignalApp two = SignalApp.start(settings, clock)) {
                // tool calls, delta: each replica gets 3 calls, fewer than the 5 samples the runbook asks; together 6
                try (Exporter a = new Exporter(one, AggregationTemporalitySelector.deltaPreferred());
                     Exporter b = new Exporter(two, AggregationTemporalitySelector.deltaPreferred())) {
                    for (Exporter exporter : List.of(a, b)) {
                        exporter.tool.record(0.2, Attributes.builder().put("gen_ai.tool.name", "lookup_order").build());
                        for (int call = 0; call < 2; call++) {
                            exporter.tool.record(3.0, Attributes.builder().put("gen_ai.tool.name", "lookup_order").put("error.type", "500").build());
                        }
                        exporter.export();
                    }
                }
                // one cumulative latency stream whose exports alternate between the replicas: 4 slow calls per export
                try (Exporter process = new Exporter(one, AggregationTemporalitySelector.alwaysCumulative())) {
                    for (int export = 0; export < 4; export++) {
                        process.retarget(export % 2 == 0 ? one : two);
                        for (int call = 0; call < 4; call++) {
                            process.latency.record(9.0);
                        }
                        process.export();
                    }
                }
                assertThat(one.sum("SELECT SUM(samples) FROM signal_minutes WHERE series = 'latency'"))
                        .as("16 calls in 4 cumulative exports split over two replicas, each counted once").isEqualTo(16.0);

                assertThat(one.tick() ^ two.tick()).as("exactly one replica holds the lease").isTrue();
                clock.advance(Duration.ofSeconds(2));
                one.tick();
                two.tick();
                clock.advance(Duration.ofSeconds(2));
                one.tick();
                two.tick();

                List<JsonNode> incidents = two.incidents();
                assertThat(incidents.stream().map(incident -> incident.get("failure_type").asText()).collect(Collectors.toList()))
                        .containsExactlyInAnyOrder("tool_failure", "latency_failure");
                assertThat(incidents).allSatisfy(incident -> assertThat(incident.get("alert_count").asInt()).isEqualTo(1));
                assertThat(one.incidents()).hasSize(2);
            }
        }
    }

    /** An SDK process whose exporter points at one replica (and can be pointed at the other between exports). */
    static final class Exporter implements AutoCloseable {
        private final SwitchableExporter exporter;
        private final SdkMeterProvider meters;
        final DoubleHistogram tool;
        final DoubleHistogram latency;

        Exporter(SignalApp app, AggregationTemporalitySelector temporality) {
            this.exporter = new SwitchableExporter(app, temporality);
            this.meters = SdkMeterProvider.builder()
                    .setResource(Resource.create(Attributes.builder().put("service.name", "support-chat").build()))
                    .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build()).build();
            this.tool = meters.get("t").histogramBuilder("gen_ai.execute_tool.duration").setUnit("s").build();
            this.latency = meters.get("t").histogramBuilder("gen_ai.client.operation.duration").setUnit("s")
                    .setExplicitBucketBoundariesAdvice(List.of(1.0, 4.0, 8.0, 16.0)).build();
        }

        void retarget(SignalApp app) {
            exporter.target(app);
        }

        void export() {
            assertThat(meters.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        }

        @Override
        public void close() {
            meters.shutdown().join(5, TimeUnit.SECONDS);
        }
    }

    /** The SDK's OTLP HTTP exporter, rebuilt for whichever replica the "load balancer" picks. */
    static final class SwitchableExporter implements io.opentelemetry.sdk.metrics.export.MetricExporter {
        private final AggregationTemporalitySelector temporality;
        private volatile OtlpHttpMetricExporter delegate;

        SwitchableExporter(SignalApp app, AggregationTemporalitySelector temporality) {
            this.temporality = temporality;
            target(app);
        }

        void target(SignalApp app) {
            delegate = OtlpHttpMetricExporter.builder().setEndpoint(app.url("/v1/metrics"))
                    .addHeader("Authorization", "Bearer " + TestApp.TOKEN).setAggregationTemporalitySelector(temporality).build();
        }

        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode export(java.util.Collection<io.opentelemetry.sdk.metrics.data.MetricData> metrics) {
            return delegate.export(metrics);
        }

        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode flush() {
            return delegate.flush();
        }

        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
            return delegate.shutdown();
        }

        @Override
        public io.opentelemetry.sdk.metrics.data.AggregationTemporality getAggregationTemporality(
                io.opentelemetry.sdk.metrics.InstrumentType instrumentType) {
            return temporality.getAggregationTemporality(instrumentType);
        }
    }
}
