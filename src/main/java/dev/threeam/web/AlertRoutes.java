package dev.threeam.web;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertParsers;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.IngestResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /alerts} (generic) and {@code /alerts/alertmanager|grafana|datadog|langsmith}: parse, write in one
 * transaction, answer 202 once committed. Slack is never waited on.
 */
final class AlertRoutes {

    private final AlertParsers parsers;
    private final IncidentService incidents;
    private final Runnable wake;
    private final WebMetrics metrics;

    AlertRoutes(AlertParsers parsers, IncidentService incidents, Runnable wake, WebMetrics metrics) {
        this.parsers = parsers;
        this.incidents = incidents;
        this.wake = wake;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes, BearerToken token) {
        routes.post("/alerts", ctx -> receive(ctx, token, "generic"));
        for (String source : List.of("alertmanager", "grafana", "datadog", "langsmith")) {
            routes.post("/alerts/" + source, ctx -> receive(ctx, token, source));
        }
    }

    private void receive(Context ctx, BearerToken token, String source) {
        token.check(ctx);
        List<Alert> alerts;
        try {
            alerts = parsers.parse(source, ctx.bodyAsBytes());
        } catch (RuntimeException e) {
            metrics.alert(source, "rejected");
            throw e;
        }
        // refused here, as before, when the writer's queue is full (503 + Retry-After); otherwise answered after the
        // commit on an answer thread, so no request thread waits for it
        CompletableFuture<IngestResult> committed = incidents.ingestAsync(alerts);
        ctx.future(() -> committed.thenAccept(result -> {
            metrics.alerts(source, "accepted", result.accepted());
            if (result.deliveriesDue()) {
                wake.run();
            }
            Http.json(ctx, 202, Map.of("accepted", result.accepted(), "incidents", result.incidents()));
        }));
    }
}
