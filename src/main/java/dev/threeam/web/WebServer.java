package dev.threeam.web;

import dev.threeam.common.BadInputException;
import dev.threeam.common.Overloaded;
import dev.threeam.common.ThreeAmException;
import dev.threeam.change.SignatureException;
import dev.threeam.store.DatabaseOutage;
import dev.threeam.store.DatabaseUnavailable;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server: every route on one port, bodies capped at 1 MiB, and every error answered as
 * {@code {"error": "…"}} in one place. A route that fails because the database is unavailable is answered like an
 * overload ({@code 503} + {@code Retry-After}), never a 500. Error answers carry our messages, never a secret.
 */
public final class WebServer implements AutoCloseable {

    public static final long MAX_BODY = 1024 * 1024;
    /** OpenTelemetry exports are bigger: a Collector batch of a few thousand points (gzip makes it a tenth). */
    public static final long MAX_OTLP_BODY = 8 * MAX_BODY;
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Javalin javalin;

    public WebServer(List<Consumer<RoutesConfig>> routeSets, DatabaseOutage database) {
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Jetty may read up to twice the limit, so an oversized body (up to that) is read whole and answered a
            // clean 413 by us, instead of the connection being cut while the sender still writes
            config.http.maxRequestSize = 2 * MAX_OTLP_BODY;
            config.concurrency.useVirtualThreads = false;
            routeSets.forEach(routes -> routes.accept(config.routes));
            config.routes.before(ctx -> {
                if (!"POST".equals(ctx.method().name()) || ctx.path().startsWith("/v1/")) {
                    return; // OTLP answers its own 413, as a google.rpc.Status (OtlpRoutes)
                }
                String length = ctx.header("Content-Length");
                if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > 2 * MAX_BODY) {
                    throw new io.javalin.http.ContentTooLargeResponse("body: larger than 1 MiB (" + length + " bytes)");
                }
                int size = ctx.bodyAsBytes().length;
                if (size > MAX_BODY) {
                    throw new io.javalin.http.ContentTooLargeResponse("body: larger than 1 MiB (" + size + " bytes)");
                }
            });
            config.routes.exception(Overloaded.class, (e, ctx) -> overloaded(ctx, e));
            config.routes.exception(BadInputException.class, (e, ctx) -> Http.error(ctx, 400, e.getMessage()));
            config.routes.exception(SignatureException.class, (e, ctx) -> Http.error(ctx, 401, e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> Http.error(ctx, e.getStatus(), e.getMessage()));
            config.routes.exception(ThreeAmException.class, (e, ctx) -> {
                Optional<DatabaseUnavailable> unavailable = database.failed(e);
                if (unavailable.isPresent()) {
                    overloaded(ctx, unavailable.get());
                    return;
                }
                LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage(), e);
                Http.error(ctx, 500, e.getMessage());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                Optional<DatabaseUnavailable> unavailable = database.failed(e);
                if (unavailable.isPresent()) {
                    overloaded(ctx, unavailable.get());
                    return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                Http.error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
            });
        });
    }

    private static void overloaded(io.javalin.http.Context ctx, Overloaded e) {
        ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        Http.error(ctx, 503, e.getMessage());
    }

    /** Listens on {@code host} ({@code 0.0.0.0}: every address of the machine) and {@code port}. */
    public WebServer start(String host, int port) {
        try {
            javalin.start(host, port);
        } catch (RuntimeException e) {
            throw new ThreeAmException("cannot listen on HOST " + host + ", PORT " + port + ": " + rootMessage(e), e);
        }
        return this;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
