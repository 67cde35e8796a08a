package dev.threeam.signal;

import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.Telemetry;
import dev.threeam.signal.Drops.Reason;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an OTLP metrics export into the points a runbook threshold reads: token usage (priced per model), operation
 * duration and time to first chunk (histograms, in seconds), tool durations (calls and errors per tool), and plain
 * metrics named in {@code quality_signals}. Anything else is counted as dropped, with the reason.
 */
final class MetricsReader {

    private final WorkflowFinder workflows;
    private final PriceBook prices;

    MetricsReader(WorkflowFinder workflows, PriceBook prices) {
        this.workflows = workflows;
        this.prices = prices;
    }

    Batch read(ExportMetricsServiceRequest request) {
        List<RawPoint> points = new ArrayList<>();
        Drops drops = new Drops();
        long received = 0;
        for (ResourceMetrics resource : request.getResourceMetricsList()) {
            List<KeyValue> resourceAttributes = resource.getResource().getAttributesList();
            for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                String scopeId = scope.getScope().getName() + "@" + scope.getScope().getVersion();
                for (Metric metric : scope.getMetricsList()) {
                    Context context = new Context(resourceAttributes, Attributes.identity(resourceAttributes) + scopeId, metric);
                    received += read(context, points, drops);
                }
            }
        }
        return new Batch(points, drops, received);
    }

    private record Context(List<KeyValue> resource, String origin, Metric metric) {
        String name() {
            return metric.getName();
        }
    }

    /** One metric's points; returns how many it had. */
    private long read(Context context, List<RawPoint> points, Drops drops) {
        Metric metric = context.metric();
        Optional<GenAi.MetricKind> kind = GenAi.kind(metric.getName());
        long count = switch (metric.getDataCase()) {
            case GAUGE -> metric.getGauge().getDataPointsCount();
            case SUM -> metric.getSum().getDataPointsCount();
            case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
            case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
            case SUMMARY -> metric.getSummary().getDataPointsCount();
            default -> 0;
        };
        switch (metric.getDataCase()) {
            case GAUGE -> metric.getGauge().getDataPointsList().forEach(point ->
                    number(context, kind, point, false, false, points, drops));
            case SUM -> {
                boolean cumulative = metric.getSum().getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
                metric.getSum().getDataPointsList().forEach(point ->
                        number(context, kind, point, true, cumulative && metric.getSum().getIsMonotonic(), points, drops));
            }
            case HISTOGRAM -> {
                boolean cumulative = metric.getHistogram().getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
                metric.getHistogram().getDataPointsList().forEach(point -> histogram(context, kind, point.getAttributesList(),
                        point.getStartTimeUnixNano(), point.getTimeUnixNano(), () -> explicit(point, context), cumulative, points, drops));
            }
            case EXPONENTIAL_HISTOGRAM -> {
                boolean cumulative = metric.getExponentialHistogram().getAggregationTemporality()
                        == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
                metric.getExponentialHistogram().getDataPointsList().forEach(point -> histogram(context, kind, point.getAttributesList(),
                        point.getStartTimeUnixNano(), point.getTimeUnixNano(), () -> exponential(point, context), cumulative, points, drops));
            }
            default -> drops.add(kind.isPresent() ? Reason.WRONG_TYPE : Reason.UNKNOWN_METRIC, metric.getName(), count);
        }
        return count;
    }

    private void number(Context context, Optional<GenAi.MetricKind> kind, NumberDataPoint point, boolean sum, boolean cumulative,
                        List<RawPoint> points, Drops drops) {
        double value = point.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? point.getAsInt() : point.getAsDouble();
        if (!Double.isFinite(value)) {
            drops.add(Reason.BAD_VALUE, context.name());
            return;
        }
        Optional<Runbook> runbook = runbook(context, point.getAttributesList(), drops);
        if (runbook.isEmpty()) {
            return;
        }
        Watch watch = Watch.of(runbook.get());
        if (kind.isPresent() && kind.get() == GenAi.MetricKind.TOKEN_USAGE && sum) {
            tokens(context, runbook.get(), watch, point.getAttributesList(), point.getStartTimeUnixNano(), point.getTimeUnixNano(),
                    Measure.number(value), cumulative, true, points, drops);
        } else if (kind.isPresent()) {
            drops.add(Reason.WRONG_TYPE, context.name() + " as a " + (sum ? "sum" : "gauge"));
        } else if (watch.quality(context.name())) {
            // a score is a sample whatever the temporality: a mean over the window is what is compared
            points.add(new RawPoint(runbook.get().workflow(), context.name(), null, point.getStartTimeUnixNano(),
                    point.getTimeUnixNano(), Measure.number(value), true, List.of(Share.of(Watch.qualitySeries(context.name())))));
        } else {
            drops.add(Reason.UNKNOWN_METRIC, context.name());
        }
    }

    private void histogram(Context context, Optional<GenAi.MetricKind> kind, List<KeyValue> attributes, long start, long time,
                           java.util.function.Supplier<Measure> measure, boolean cumulative, List<RawPoint> points, Drops drops) {
        Optional<Runbook> runbook = runbook(context, attributes, drops);
        if (runbook.isEmpty()) {
            return;
        }
        Measure read;
        try {
            read = measure.get();
        } catch (IllegalArgumentException e) {
            drops.add(Reason.BAD_VALUE, context.name() + ": " + e.getMessage());
            return;
        }
        Watch watch = Watch.of(runbook.get());
        String workflow = runbook.get().workflow();
        if (kind.isEmpty()) {
            if (watch.quality(context.name())) {
                points.add(point(context, workflow, attributes, start, time, read, cumulative, false,
                        List.of(Share.of(Watch.qualitySeries(context.name())))));
            } else {
                drops.add(Reason.UNKNOWN_METRIC, context.name());
            }
            return;
        }
        switch (kind.get()) {
            case TOKEN_USAGE -> tokens(context, runbook.get(), watch, attributes, start, time, read, cumulative, false, points, drops);
            case OPERATION_DURATION -> watched(watch.latency(), context, workflow, attributes, start, time, read, cumulative,
                    Share.of(Series.LATENCY), "latency.p95_seconds", points, drops);
            case TIME_TO_FIRST_CHUNK -> watched(watch.ttft(), context, workflow, attributes, start, time, read, cumulative,
                    Share.of(Series.TTFT), "latency.ttft_p95_seconds", points, drops);
            case TOOL_DURATION -> {
                Optional<String> tool = Attributes.text(attributes, GenAi.TOOL_NAME);
                if (tool.isEmpty()) {
                    drops.add(Reason.BAD_VALUE, context.name() + " without gen_ai.tool.name");
                    return;
                }
                boolean error = Attributes.text(attributes, GenAi.ERROR_TYPE).isPresent();
                watched(watch.tools(), context, workflow, attributes, start, time, read, cumulative,
                        new Share(Series.TOOL + tool.get(), 1, error), "tools.error_rate", points, drops);
            }
        }
    }

    private void watched(boolean watched, Context context, String workflow, List<KeyValue> attributes, long start, long time,
                         Measure measure, boolean cumulative, Share share, String key, List<RawPoint> points, Drops drops) {
        if (!watched) {
            drops.add(Reason.NOT_WATCHED, context.name() + " for " + workflow + " (no " + key + ")");
            return;
        }
        points.add(point(context, workflow, attributes, start, time, measure, cumulative, false, List.of(share)));
    }

    /** Token usage: tokens for {@code tokens_per_hour}, and tokens × the model's price for the USD budgets. */
    private void tokens(Context context, Runbook runbook, Watch watch, List<KeyValue> attributes, long start, long time,
                        Measure measure, boolean cumulative, boolean counted, List<RawPoint> points, Drops drops) {
        if (!watch.tokens() && !watch.usd()) {
            drops.add(Reason.NOT_WATCHED, context.name() + " for " + runbook.workflow() + " (no budgets)");
            return;
        }
        List<Share> shares = new ArrayList<>();
        if (watch.tokens()) {
            shares.add(Share.of(Series.TOKENS));
        }
        if (watch.usd()) {
            Optional<String> model = Attributes.text(attributes, GenAi.MODEL);
            Optional<Telemetry.Price> price = model.flatMap(name -> prices.price(runbook, name));
            if (price.isPresent()) {
                boolean output = Attributes.text(attributes, GenAi.TOKEN_TYPE).map(GenAi::outputTokens).orElse(false);
                shares.add(new Share(Series.USD, (output ? price.get().output() : price.get().input()) / 1_000_000, false));
            } else if (shares.isEmpty()) {
                drops.add(Reason.NO_PRICE, model.map(name -> "model " + name).orElse("no gen_ai.request.model"));
                return;
            }
        }
        points.add(point(context, runbook.workflow(), attributes, start, time, measure, cumulative, counted, shares));
    }

    private RawPoint point(Context context, String workflow, List<KeyValue> attributes, long start, long time, Measure measure,
                           boolean cumulative, boolean counted, List<Share> shares) {
        String stream = cumulative ? StreamKeys.of(workflow, context.name(), context.origin(), Attributes.identity(attributes)) : null;
        return new RawPoint(workflow, context.name(), stream, start, time, measure, counted, shares);
    }

    private Optional<Runbook> runbook(Context context, List<KeyValue> attributes, Drops drops) {
        List<String> lookedAt = new ArrayList<>(1);
        Optional<Runbook> runbook = workflows.find(context.resource(), attributes, lookedAt);
        if (runbook.isEmpty()) {
            drops.add(Reason.NO_WORKFLOW, lookedAt.get(0));
        }
        return runbook;
    }

    private static Measure explicit(HistogramDataPoint point, Context context) {
        double scale = scale(context);
        return Measure.histogram(point.hasSum() ? point.getSum() : 0, point.getCount(), point.getExplicitBoundsList(),
                point.getBucketCountsList(), scale);
    }

    /** An exponential histogram as explicit buckets: bucket {@code i} ends at {@code base^(i+1)}. */
    private static Measure exponential(ExponentialHistogramDataPoint point, Context context) {
        double scale = scale(context);
        double base = Math.pow(2, Math.pow(2, -point.getScale()));
        List<Long> positive = point.getPositive().getBucketCountsList();
        int offset = point.getPositive().getOffset();
        List<Double> bounds = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        long negative = point.getNegative().getBucketCountsList().stream().mapToLong(Long::longValue).sum();
        bounds.add(0.0); // zero (and negative) values
        counts.add(point.getZeroCount() + negative);
        for (int index = 0; index < positive.size(); index++) {
            bounds.add(Math.pow(base, offset + index + 1));
            counts.add(positive.get(index));
        }
        counts.add(0L);
        return Measure.histogram(point.hasSum() ? point.getSum() : 0, point.getCount(), bounds, counts, scale);
    }

    private static double scale(Context context) {
        GenAi.MetricKind kind = GenAi.kind(context.name()).orElse(null);
        boolean duration = kind == GenAi.MetricKind.OPERATION_DURATION || kind == GenAi.MetricKind.TIME_TO_FIRST_CHUNK
                || kind == GenAi.MetricKind.TOOL_DURATION;
        return duration ? GenAi.secondsPer(context.metric().getUnit()) : 1;
    }
}
