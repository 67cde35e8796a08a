package dev.threeam.web;

import dev.threeam.action.ActionLog;
import dev.threeam.alert.AlertParsers;
import dev.threeam.change.ChangeParser;
import dev.threeam.change.ChangeService;
import dev.threeam.change.LangfuseWebhook;
import dev.threeam.config.Config;
import dev.threeam.drill.DrillService;
import dev.threeam.incident.IncidentService;
import dev.threeam.review.Postmortem;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.signal.OtlpReceiver;
import dev.threeam.slack.SlackHealth;
import dev.threeam.store.Database;
import dev.threeam.store.Outbox;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;

/** Every HTTP route of 3am but Slack's and the sandbox's, each set thin: parse, call the domain, answer. */
public final class WebRoutes {

    private final BearerToken token;
    private final AlertRoutes alerts;
    private final ChangeRoutes changes;
    private final ApiRoutes api;
    private final HealthRoutes health;
    private final OtlpRoutes otlp;
    private final Runnable wake;

    public WebRoutes(Config config, Database database, RunbookRegistry runbooks, Outbox outbox, PrometheusMeterRegistry registry,
            AlertParsers parsers, IncidentService incidents, ChangeParser changeParser, LangfuseWebhook langfuse, ChangeService changeService,
            ActionLog actions, Postmortem postmortem, DrillService drills, SlackHealth slack, Clock clock, Runnable wake, OtlpReceiver otlp) {
        WebMetrics metrics = new WebMetrics(registry);
        this.token = new BearerToken(config.webhookTokens());
        this.alerts = new AlertRoutes(parsers, incidents, wake, metrics);
        this.changes = new ChangeRoutes(changeParser, langfuse, changeService, runbooks, metrics);
        this.api = new ApiRoutes(incidents, actions, postmortem, drills);
        this.wake = wake;
        this.health = new HealthRoutes(database, runbooks, outbox, slack, registry, clock);
        this.otlp = new OtlpRoutes(otlp);
    }

    public void register(RoutesConfig routes) {
        alerts.register(routes, token);
        changes.register(routes, token);
        api.register(routes, token, wake);
        health.register(routes);
        otlp.register(routes, token);
    }
}
