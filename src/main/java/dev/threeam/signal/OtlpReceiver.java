package dev.threeam.signal;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;

/**
 * The OTLP/HTTP receiver without the HTTP: a body in, the {@code Export…ServiceResponse} out in the same encoding.
 * What no runbook threshold reads is dropped and counted in {@code partial_success}, never refused: a Collector
 * batch mixes everything, and a 4xx would lose the good points too. Only an undecodable body is refused
 * ({@link UndecodableBody}); a full intake or an unreachable database is {@link dev.threeam.common.Overloaded}.
 */
public final class OtlpReceiver {

    private final MetricsReader metricsReader;
    private final LogsReader logsReader;
    private final SignalIntake intake;
    private final SignalMetrics metrics;

    OtlpReceiver(MetricsReader metricsReader, LogsReader logsReader, SignalIntake intake, SignalMetrics metrics) {
        this.metricsReader = metricsReader;
        this.logsReader = logsReader;
        this.intake = intake;
        this.metrics = metrics;
    }

    /** {@code POST /v1/metrics}: {@code gzip} says the body is gzip-compressed. */
    public byte[] metrics(byte[] body, OtlpEncoding encoding, boolean gzip) {
        ExportMetricsServiceRequest request = OtlpCodec.decode(gzip ? OtlpCodec.gunzip(body) : body, encoding,
                ExportMetricsServiceRequest.getDefaultInstance());
        Drops drops = receive("metrics", metricsReader.read(request));
        ExportMetricsServiceResponse.Builder response = ExportMetricsServiceResponse.newBuilder();
        if (drops.total() > 0) {
            response.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder().setRejectedDataPoints(drops.total())
                    .setErrorMessage(drops.message()));
        }
        return OtlpCodec.encode(response.build(), encoding);
    }

    /** {@code POST /v1/logs}. */
    public byte[] logs(byte[] body, OtlpEncoding encoding, boolean gzip) {
        ExportLogsServiceRequest request = OtlpCodec.decode(gzip ? OtlpCodec.gunzip(body) : body, encoding,
                ExportLogsServiceRequest.getDefaultInstance());
        Drops drops = receive("logs", logsReader.read(request));
        ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
        if (drops.total() > 0) {
            response.setPartialSuccess(ExportLogsPartialSuccess.newBuilder().setRejectedLogRecords(drops.total())
                    .setErrorMessage(drops.message()));
        }
        return OtlpCodec.encode(response.build(), encoding);
    }

    private Drops receive(String signal, Batch batch) {
        Drops drops = intake.accept(batch);
        metrics.received(signal, batch.received());
        metrics.dropped(signal, drops.counts());
        return drops;
    }
}
