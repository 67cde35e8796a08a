package dev.threeam.web;

import dev.threeam.signal.BodyTooLarge;
import dev.threeam.signal.OtlpCodec;
import dev.threeam.signal.OtlpEncoding;
import dev.threeam.signal.OtlpReceiver;
import dev.threeam.signal.UndecodableBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /v1/metrics} and {@code /v1/logs}, OTLP/HTTP: protobuf or JSON, gzip or not, the same bearer token as
 * {@code /alerts}. Answers as the OTLP spec says: 200 with the {@code Export…ServiceResponse} (its
 * {@code partial_success} counting what was dropped), 400 with a {@code google.rpc.Status} for a body that cannot be
 * decoded, 415 for another content type or encoding, 413 for a body that inflates past the cap; a full intake is
 * the shared 503 + Retry-After.
 */
final class OtlpRoutes {

    private static final int INVALID_ARGUMENT = 3;
    private static final int RESOURCE_EXHAUSTED = 8;

    private final OtlpReceiver receiver;

    OtlpRoutes(OtlpReceiver receiver) {
        this.receiver = receiver;
    }

    void register(RoutesConfig routes, BearerToken token) {
        routes.post("/v1/metrics", ctx -> receive(ctx, token, true));
        routes.post("/v1/logs", ctx -> receive(ctx, token, false));
    }

    private void receive(Context ctx, BearerToken token, boolean metrics) {
        token.check(ctx);
        Optional<OtlpEncoding> encoding = OtlpEncoding.of(ctx.header("Content-Type"));
        if (encoding.isEmpty()) {
            answer(ctx, 415, OtlpEncoding.JSON, OtlpCodec.status(INVALID_ARGUMENT, "Content-Type: expected application/x-protobuf"
                    + " or application/json, got " + Optional.ofNullable(ctx.header("Content-Type")).map(t -> "\"" + t + "\"").orElse("none"),
                    OtlpEncoding.JSON));
            return;
        }
        String contentEncoding = Optional.ofNullable(ctx.header("Content-Encoding")).orElse("").strip().toLowerCase(Locale.ROOT);
        if (!contentEncoding.isEmpty() && !contentEncoding.equals("gzip") && !contentEncoding.equals("identity")) {
            answer(ctx, 415, encoding.get(), OtlpCodec.status(INVALID_ARGUMENT, "Content-Encoding: expected gzip or none, got \""
                    + contentEncoding + "\"", encoding.get()));
            return;
        }
        boolean gzip = contentEncoding.equals("gzip");
        String length = ctx.header("Content-Length");
        long size = length != null && length.matches("\\d{1,18}") ? Long.parseLong(length) : ctx.bodyAsBytes().length;
        if (size > WebServer.MAX_OTLP_BODY) {
            drain(ctx, 2 * WebServer.MAX_OTLP_BODY); // read what the sender is still writing, so it reads our answer
            answer(ctx, 413, encoding.get(), OtlpCodec.status(RESOURCE_EXHAUSTED, "body: " + size + " bytes, at most "
                    + WebServer.MAX_OTLP_BODY + " accepted on the wire (send gzip, or smaller batches)", encoding.get()));
            return;
        }
        try {
            byte[] body = metrics ? receiver.metrics(ctx.bodyAsBytes(), encoding.get(), gzip)
                    : receiver.logs(ctx.bodyAsBytes(), encoding.get(), gzip);
            answer(ctx, 200, encoding.get(), body);
        } catch (UndecodableBody e) {
            answer(ctx, 400, encoding.get(), OtlpCodec.status(INVALID_ARGUMENT, e.getMessage(), encoding.get()));
        } catch (BodyTooLarge e) {
            answer(ctx, 413, encoding.get(), OtlpCodec.status(RESOURCE_EXHAUSTED, e.getMessage(), encoding.get()));
        }
    }

    /** Reads and drops up to {@code limit} bytes of the request body: an unread body can cut the connection first. */
    private static void drain(Context ctx, long limit) {
        try (java.io.InputStream body = ctx.bodyInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n; read < limit && (n = body.read(buffer)) > 0; ) {
                read += n;
            }
        } catch (java.io.IOException e) {
            // the sender went away: the answer below is for whoever still listens
        }
    }

    private static void answer(Context ctx, int status, OtlpEncoding encoding, byte[] body) {
        ctx.status(status).contentType(encoding.mediaType()).result(body);
    }
}
