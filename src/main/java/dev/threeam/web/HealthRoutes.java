package dev.threeam.web;

import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.store.Database;
import dev.threeam.store.Outbox;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /healthz} (alive), {@code /readyz} (database reachable, runbooks loaded, deliveries), {@code /metrics}. */
final class HealthRoutes {

    private final Database database;
    private final RunbookRegistry runbooks;
    private final Outbox outbox;
    private final PrometheusMeterRegistry metrics;

    HealthRoutes(Database database, RunbookRegistry runbooks, Outbox outbox, PrometheusMeterRegistry metrics) {
        this.database = database;
        this.runbooks = runbooks;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> Http.json(ctx, 200, Map.of("status", "alive")));
        routes.get("/readyz", ctx -> {
            boolean db = database.reachable();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("database", db ? "ok" : "unreachable");
            body.put("runbooks", runbooks.all().stream().map(book -> book.workflow()).toList());
            List<String> problems = runbooks.problems().stream().map(Object::toString).toList();
            body.put("runbook_problems", problems);
            if (db) {
                body.put("outbox_pending", outbox.pending());
                body.put("outbox_failed", outbox.failed());
            }
            boolean ready = db && runbooks.ready();
            body.put("status", ready ? "ready" : "not ready");
            Http.json(ctx, ready ? 200 : 503, body);
        });
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }
}
