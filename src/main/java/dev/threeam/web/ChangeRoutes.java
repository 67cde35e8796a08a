package dev.threeam.web;

import dev.threeam.change.ChangeEvent;
import dev.threeam.change.ChangeParser;
import dev.threeam.change.ChangeService;
import dev.threeam.change.LangfuseWebhook;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /changes} and {@code POST /changes/langfuse}: what changed, so incidents can list it. */
final class ChangeRoutes {

    private final ChangeParser parser;
    private final LangfuseWebhook langfuse;
    private final ChangeService changes;
    private final RunbookRegistry runbooks;
    private final WebMetrics metrics;

    ChangeRoutes(ChangeParser parser, LangfuseWebhook langfuse, ChangeService changes, RunbookRegistry runbooks, WebMetrics metrics) {
        this.parser = parser;
        this.langfuse = langfuse;
        this.changes = changes;
        this.runbooks = runbooks;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes, BearerToken token) {
        routes.post("/changes", ctx -> {
            token.check(ctx);
            List<ChangeEvent> parsed = parser.parse(ctx.bodyAsBytes()).stream()
                    .map(change -> change.withWorkflow(canonical(change.workflow()))).toList();
            int recorded = changes.record(parsed);
            metrics.changes("api", recorded);
            Http.json(ctx, 201, Map.of("recorded", parsed.size()));
        });
        routes.post("/changes/langfuse", this::langfuse);
    }

    private void langfuse(Context ctx) {
        ChangeEvent change = langfuse.receive(ctx.header("x-langfuse-signature"), ctx.bodyAsBytes(), this::resolve);
        int recorded = changes.record(List.of(change));
        metrics.changes("langfuse", recorded);
        Http.json(ctx, 201, Map.of("recorded", recorded, "duplicate", recorded == 0));
    }

    private Optional<String> resolve(List<String> candidates) {
        return candidates.stream().map(runbooks::find).flatMap(Optional::stream).map(Runbook::workflow).findFirst();
    }

    private String canonical(String workflow) {
        return runbooks.find(workflow).map(Runbook::workflow).orElse(workflow);
    }
}
