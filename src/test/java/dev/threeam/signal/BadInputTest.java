package dev.threeam.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Status;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.MutableClock;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad OTLP input gets the 4xx the spec names, with a google.rpc.Status saying what is wrong, and changes nothing. */
class BadInputTest {

    static final String PROTOBUF = "application/x-protobuf";

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
        assertThat(app.sum("SELECT COUNT(*) FROM signal_minutes")).as("nothing kept").isZero();
        assertThat(app.sum("SELECT COUNT(*) FROM signal_streams")).isZero();
        app.close();
        slack.close();
    }

    @Test
    void an_undecodable_protobuf_body_is_a_400_with_a_protobuf_status() throws Exception {
        HttpResponse<byte[]> response = app.post("/v1/metrics", PROTOBUF, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01});
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROTOBUF);
        Status status = Status.parseFrom(response.body());
        assertThat(status.getCode()).isEqualTo(3);
        assertThat(status.getMessage()).startsWith("body: not a protobuf ExportMetricsServiceRequest");
    }

    @Test
    void malformed_json_and_a_bad_hex_id_are_400s_with_a_json_status() {
        HttpResponse<byte[]> broken = app.post("/v1/logs", "application/json", "{\"resourceLogs\":[".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(new String(broken.body(), StandardCharsets.UTF_8)).contains("\"code\":3").contains("body: not JSON");

        String badId = "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"traceId\":\"not-hex\"}]}]}]}";
        HttpResponse<byte[]> id = app.post("/v1/logs", "application/json", badId.getBytes(StandardCharsets.UTF_8));
        assertThat(id.statusCode()).isEqualTo(400);
        assertThat(new String(id.body(), StandardCharsets.UTF_8))
                .contains("resourceLogs[0].scopeLogs[0].logRecords[0].traceId: expected a hex id, got \\\"not-hex\\\"");

        HttpResponse<byte[]> wrongShape = app.post("/v1/metrics", "application/json", "{\"resourceMetrics\":{\"x\":1}}".getBytes(StandardCharsets.UTF_8));
        assertThat(wrongShape.statusCode()).isEqualTo(400);
    }

    @Test
    void another_content_type_or_encoding_is_a_415() {
        HttpResponse<byte[]> text = app.post("/v1/metrics", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(new String(text.body(), StandardCharsets.UTF_8)).contains("expected application/x-protobuf or application/json");
        HttpResponse<byte[]> brotli = app.post("/v1/metrics", PROTOBUF, new byte[0], "Content-Encoding", "br");
        assertThat(brotli.statusCode()).isEqualTo(415);
    }

    @Test
    void a_body_over_the_cap_or_one_that_inflates_past_it_is_a_413() throws Exception {
        HttpResponse<byte[]> large = app.post("/v1/metrics", PROTOBUF, new byte[(int) dev.threeam.web.WebServer.MAX_OTLP_BODY + 1]);
        assertThat(large.statusCode()).isEqualTo(413);

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            gzip.write(new byte[OtlpCodec.MAX_DECODED + 1]);
        }
        HttpResponse<byte[]> inflated = app.post("/v1/metrics", PROTOBUF, bomb.toByteArray(), "Content-Encoding", "gzip");
        assertThat(inflated.statusCode()).isEqualTo(413);
        assertThat(Status.parseFrom(inflated.body()).getMessage()).contains("inflates to more than 16 MiB");

        HttpResponse<byte[]> notGzip = app.post("/v1/metrics", PROTOBUF, new byte[] {1, 2, 3}, "Content-Encoding", "gzip");
        assertThat(notGzip.statusCode()).isEqualTo(400);
    }

    @Test
    void a_missing_token_is_a_401_and_an_empty_export_is_a_plain_200() throws Exception {
        HttpResponse<byte[]> anonymous = app.send(HttpRequest.newBuilder(URI.create(app.url("/v1/metrics")))
                .header("Content-Type", PROTOBUF).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0])).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        new GZIPOutputStream(empty).close();
        HttpResponse<byte[]> ok = app.post("/v1/metrics", PROTOBUF, empty.toByteArray(), "Content-Encoding", "gzip");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ExportMetricsServiceResponse.parseFrom(ok.body()).hasPartialSuccess()).isFalse();
    }
}
