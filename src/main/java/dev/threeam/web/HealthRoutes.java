package dev.threeam.web;

import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.slack.SlackHealth;
import dev.threeam.store.Database;
import dev.threeam.store.Outbox;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /healthz} (alive), {@code /readyz}, {@code /metrics}. Ready means: the database answers and takes writes, the
 * runbooks loaded, and Slack accepts the bot token; otherwise 503 with each reason in {@code problems}. It also says
 * what waits: outbox rows pending, retrying after failures (Slack or a pager answering 5xx) and how old the oldest is,
 * failed for good, and which Slack methods fail with what. Never a token or a secret.
 */
final class HealthRoutes {

    private final Database database;
    private final RunbookRegistry runbooks;
    private final Outbox outbox;
    private final SlackHealth slack;
    private final PrometheusMeterRegistry metrics;
    private final Clock clock;

    HealthRoutes(Database database, RunbookRegistry runbooks, Outbox outbox, SlackHealth slack, PrometheusMeterRegistry metrics,
            Clock clock) {
        this.database = database;
        this.runbooks = runbooks;
        this.outbox = outbox;
        this.slack = slack;
        this.metrics = metrics;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> Http.json(ctx, 200, Map.of("status", "alive")));
        routes.get("/readyz", ctx -> {
            Map<String, Object> body = readiness();
            Http.json(ctx, "ready".equals(body.get("status")) ? 200 : 503, body);
        });
        routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }

    private Map<String, Object> readiness() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> body = new LinkedHashMap<>();
        boolean reachable = database.reachable();
        Optional<String> databaseProblem = database.outage().problem().or(() -> reachable ? Optional.empty() : Optional.of("no answer"));
        databaseProblem.ifPresent(problem -> problems.add("database unavailable: " + problem));
        body.put("database", databaseProblem.map(problem -> "unavailable: " + problem).orElse("ok"));
        Optional<String> token = slack.tokenProblem();
        token.ifPresent(error -> problems.add("Slack refuses the bot token: " + error));
        body.put("slack", token.map(error -> "token refused: " + error).orElse("ok"));
        body.put("slack_failing", slack.failingMethods());
        body.put("runbooks", runbooks.all().stream().map(book -> book.workflow()).toList());
        List<String> runbookProblems = runbooks.problems().stream().map(Object::toString).toList();
        body.put("runbook_problems", runbookProblems);
        if (!runbooks.ready()) {
            problems.add("runbooks not ready");
        }
        if (reachable) {
            try {
                body.put("outbox_pending", outbox.pending());
                body.put("outbox_retrying", outbox.retrying());
                body.put("outbox_oldest_pending_seconds", outbox.oldestPending()
                        .map(at -> Duration.between(at, clock.instant()).toSeconds()).orElse(0L));
                body.put("outbox_failed", outbox.failed());
            } catch (RuntimeException e) {
                problems.add("database unavailable: " + database.outage().problem().orElse(e.getClass().getSimpleName()));
            }
        }
        body.put("problems", problems);
        body.put("status", problems.isEmpty() ? "ready" : "not ready");
        return body;
    }
}
