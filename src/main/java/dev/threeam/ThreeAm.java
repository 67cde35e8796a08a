package dev.threeam;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.threeam.action.ActionDelivery;
import dev.threeam.action.ActionLog;
import dev.threeam.action.ActionRequests;
import dev.threeam.action.ActionService;
import dev.threeam.action.Authorization;
import dev.threeam.action.CachedUserGroupDirectory;
import dev.threeam.action.ExternalCalls;
import dev.threeam.action.FlagProviders;
import dev.threeam.action.OpsgeniePager;
import dev.threeam.action.PagerDutyPager;
import dev.threeam.action.SilenceDelivery;
import dev.threeam.action.SilenceService;
import dev.threeam.action.WebhookEvalTrigger;
import dev.threeam.alert.AlertParsers;
import dev.threeam.change.ChangeParser;
import dev.threeam.change.ChangeRanker;
import dev.threeam.change.ChangeService;
import dev.threeam.change.ChangeText;
import dev.threeam.change.LangfuseWebhook;
import dev.threeam.chart.ChartRequest;
import dev.threeam.chart.ChartSchedule;
import dev.threeam.chart.ChartService;
import dev.threeam.classify.Classifier;
import dev.threeam.common.ThreeAmException;
import dev.threeam.config.Config;
import dev.threeam.drill.DrillHistory;
import dev.threeam.drill.DrillService;
import dev.threeam.drill.DrillThresholds;
import dev.threeam.incident.Deliveries;
import dev.threeam.incident.IncidentService;
import dev.threeam.incident.IncidentSettings;
import dev.threeam.incident.Nudges;
import dev.threeam.incident.MessageDeclaration;
import dev.threeam.review.Postmortem;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.sandbox.Sandbox;
import dev.threeam.signal.SignalWatch;
import dev.threeam.slack.CanvasDelivery;
import dev.threeam.slack.ChartDelivery;
import dev.threeam.slack.DeclareShortcut;
import dev.threeam.slack.SourceReplyDelivery;
import dev.threeam.slack.DeliveryFailures;
import dev.threeam.slack.Ephemeral;
import dev.threeam.slack.EventReplays;
import dev.threeam.slack.HomeTab;
import dev.threeam.slack.OutboxWorker;
import dev.threeam.slack.QuestionViews;
import dev.threeam.slack.SlackDelivery;
import dev.threeam.slack.SlackEventsRoute;
import dev.threeam.slack.SlackFiles;
import dev.threeam.slack.SlackGateway;
import dev.threeam.slack.SlackHealth;
import dev.threeam.slack.SlackInteractions;
import dev.threeam.slack.SlackMetrics;
import dev.threeam.slack.SlackNames;
import dev.threeam.slack.SilenceSelect;
import dev.threeam.slack.SlackSignature;
import dev.threeam.slack.SlashCommands;
import dev.threeam.slack.ThreadContextLoader;
import dev.threeam.slack.ThreadViews;
import dev.threeam.store.Database;
import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxHandler;
import dev.threeam.store.OutboxKind;
import dev.threeam.store.Replica;
import dev.threeam.store.SeenEvents;
import dev.threeam.web.StateGauges;
import dev.threeam.web.WebRoutes;
import dev.threeam.web.WebServer;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part of 3am from a {@link Config} and a {@link Clock}, in named steps (storage,
 * the domain, Slack, delivery, the web), starts it, stops it. Tests build it the same way, with a temporary database
 * and a local Slack. It is longer than other files on purpose: it is the one place where the parts meet.
 */
public final class ThreeAm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ThreeAm.class);
    /** Slack deliveries run on a few workers: one incident's messages stay in order (the claim sees to it), different
     * incidents and channels go in parallel. */
    private static final int SLACK_WORKERS = 4;

    private final Config config;
    private final Clock clock;
    private SignalWatch signals;
    private ChartSchedule charts;
    private final int port;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Database database;
    private final Replica replica;
    private final RunbookRegistry runbooks;
    private final Outbox outbox;
    private final ChangeService changes;
    private final IncidentService incidents;
    private final ActionLog actionLog;
    private final SlackParts slack;
    private final ActionService actions;
    private final SilenceService silences;
    private final DrillService drills;
    private final List<OutboxWorker> workers = new ArrayList<>();
    private final ScheduledExecutorService drillTimer;
    private final Nudges nudges;
    private final Sandbox sandbox;
    private final WebServer web;
    private final SocketModeApp socketMode;
    private final ExternalCalls calls;
    private final Postmortem postmortem;

    /**
     * The Slack side: the Web API client, its metrics and health, the secret requests are signed with, and the
     * directory of people's names that drills use instead of mentions.
     */
    private record SlackParts(Slack slack, SlackGateway gateway, SlackMetrics metrics, SlackHealth health, SlackNames names,
            String botToken,
            String signingSecret) {}

    public ThreeAm(Config config, Clock clock) {
        config.requireComplete();
        this.config = config;
        this.clock = clock;
        this.port = config.port() == 0 ? freePort() : config.port();
        this.database = Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword());
        database.outage().bindTo(metrics);
        this.replica = new Replica(database, clock, config.replicaTimeout());
        this.runbooks = loadRunbooks();
        this.outbox = new Outbox(database, config.cardUpdateInterval());
        this.changes = new ChangeService(database.jdbi(), clock);
        this.incidents = new IncidentService(database.jdbi(), runbooks, new Classifier(), clock,
                new IncidentSettings(config.flapWindow(), config.cardUpdateInterval(), config.defaultChannel()),
                changeId -> changes.find(changeId).map(ChangeText::oneLine), database.writerFirst());
        this.actionLog = new ActionLog(database.jdbi());
        this.slack = connectSlack();
        this.postmortem = new Postmortem(incidents, actionLog, changeId -> changes.find(changeId).map(ChangeText::description));
        Authorization authorization = new Authorization(new CachedUserGroupDirectory(
                group -> Set.copyOf(slack.gateway().userGroupMembers(group)), clock));
        this.actions = new ActionService(incidents, runbooks, authorization);
        this.drills = new DrillService(incidents, runbooks, actionLog,
                new DrillThresholds(config.drillAckWithin(), config.drillPassWithin(), config.drillTimeLimit()), clock);
        this.nudges = new Nudges(incidents, runbooks, config.nudgeAfter());
        this.drillTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "drill-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.calls = ExternalCalls.of(config);
        this.silences = new SilenceService(incidents, runbooks, authorization, calls.silencesOffered(config.alertmanagerUrl()));
        FlagProviders flags = calls.flags(FlagProviders.standard(config));
        buildWorkers(flags);
        StateGauges.register(metrics, outbox, incidents, clock);
        App bolt = bolt();
        this.sandbox = config.sandbox()
                ? Sandbox.create(runbooks, config.selfUrl(port), slack.signingSecret(), slack.botToken(), clock, config) : null;
        this.web = new WebServer(routes(bolt), database.outage());
        buildCharts();
        this.socketMode = config.socketMode() ? socketMode(config.slackAppToken(), bolt) : null;
    }

    private RunbookRegistry loadRunbooks() {
        RunbookRegistry loaded = RunbookRegistry.load(config.runbooksDir(), config.environment(), config.sandbox(), clock);
        loaded.problems().forEach(problem -> LOG.warn("runbook: {}", problem));
        loaded.watch();
        return loaded;
    }

    private SlackParts connectSlack() {
        // the sandbox signs its own presses with a secret of this process, and its Slack takes only this process's
        // token; a real app uses Slack's
        String signingSecret = config.sandbox() ? "sandbox-" + UUID.randomUUID() : config.slackSigningSecret();
        String botToken = config.sandbox() ? "xoxb-sandbox-" + UUID.randomUUID() : config.slackBotToken();
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl(port));
        slackConfig.getMethodsConfig().setExecutorName("threeam-" + UUID.randomUUID());
        Slack client = Slack.getInstance(slackConfig);
        SlackMetrics slackMetrics = new SlackMetrics(metrics);
        SlackHealth health = new SlackHealth(clock);
        SlackGateway gateway = new SlackGateway(client.methods(botToken), slackMetrics, health);
        return new SlackParts(client, gateway, slackMetrics, health, new SlackNames(gateway, clock), botToken, signingSecret);
    }

    /** Outbox workers: four for Slack (cards first, one incident's replies in order), one for pages, rollbacks, evals, scores. */
    private void buildWorkers(FlagProviders flags) {
        ThreadViews views = new ThreadViews(new QuestionViews(rollback -> calls.confirmNote() + flags.describe(rollback)),
                new SilenceSelect(silences::offeredFor, calls.confirmNote()));
        ThreadContextLoader contexts = new ThreadContextLoader(incidents, runbooks, changes, new ChangeRanker(), actionLog,
                slack.names(), clock);
        SlackDelivery delivery = new SlackDelivery(incidents, outbox, slack.gateway(), slack.health(), contexts, views,
                config.defaultChannel());
        Map<OutboxKind, OutboxHandler<?>> slackHandlers = Map.of(
                OutboxKind.POST_CARD, OutboxHandler.recording(Deliveries.PostCard.class, delivery::postCard),
                OutboxKind.UPDATE_CARD, OutboxHandler.recording(Deliveries.RedrawCard.class, delivery::updateCard).readyWhen(delivery::mayUpdate),
                OutboxKind.POST_REPLY, OutboxHandler.recording(Deliveries.PostReply.class, delivery::postReply),
                OutboxKind.UPDATE_MESSAGE, OutboxHandler.of(Deliveries.RedrawMessage.class, delivery::updateMessage).readyWhen(delivery::mayUpdate),
                OutboxKind.DIRECT_MESSAGE, OutboxHandler.of(Deliveries.DirectMessage.class, delivery::directMessage),
                OutboxKind.POST_CANVAS, OutboxHandler.of(Deliveries.PostCanvas.class, new CanvasDelivery(incidents, postmortem,
                        slack.gateway(), slack.health(), config.publicUrl())::post),
                OutboxKind.REPLY_TO_SOURCE, OutboxHandler.of(Deliveries.ReplyToSource.class,
                        new SourceReplyDelivery(incidents, delivery, slack.gateway())::post));
        DeliveryFailures failures = new DeliveryFailures(incidents);
        for (int i = 0; i < SLACK_WORKERS; i++) {
            workers.add(new OutboxWorker("slack", replica, outbox, slackHandlers, clock, slack.metrics(), failures::record, config.outboxLease()));
        }
        ActionDelivery actionDelivery = new ActionDelivery(database.jdbi(), incidents, runbooks, flags,
                calls.pager(new PagerDutyPager(config.pagerdutyEventsUrl())),
                calls.pager(new OpsgeniePager(config.opsgenieApiUrl(), config.opsgenieApiKey())),
                calls.eval(new WebhookEvalTrigger()), calls, clock, config.publicUrl(), config.actionRetryFor());
        SilenceDelivery silenceDelivery = new SilenceDelivery(database.jdbi(), outbox, incidents, silences,
                calls.silencer(config.alertmanagerUrl()), calls, clock, config.publicUrl(), config.actionRetryFor());
        Map<OutboxKind, OutboxHandler<?>> actionHandlers = Map.of(
                OutboxKind.PAGE, OutboxHandler.of(Deliveries.Page.class, (row, page) -> {
                    actionDelivery.page(row, page);
                    silenceDelivery.follow(row, page); // a resolved incident's silence is expired
                }),
                OutboxKind.SILENCE, OutboxHandler.of(ActionRequests.SyncSilence.class, silenceDelivery::sync),
                OutboxKind.ROLLBACK, OutboxHandler.of(ActionRequests.Rollback.class, actionDelivery::rollback),
                OutboxKind.EVAL, OutboxHandler.of(ActionRequests.Eval.class, actionDelivery::eval),
                OutboxKind.DRILL_SCORE, OutboxHandler.of(Deliveries.ScoreDrill.class, drills::score));
        workers.add(new OutboxWorker("actions", replica, outbox, actionHandlers, clock, slack.metrics(), failures::record, config.outboxLease()));
    }

    /**
     * The chart of every incident raised from telemetry: asked for by the schedule, drawn and uploaded by a worker of
     * its own (an upload is three calls and a render: it never holds a Slack worker).
     */
    private void buildCharts() {
        ChartService chartService = new ChartService(database.jdbi(), incidents, signals, clock);
        SlackFiles files = new SlackFiles(slack.gateway(), slack.slack().methods(slack.botToken()), slack.metrics());
        ChartDelivery delivery = new ChartDelivery(incidents, outbox, chartService, files, this::wake);
        workers.add(new OutboxWorker("charts", replica, outbox, Map.of(OutboxKind.POST_CHART, OutboxHandler.of(ChartRequest.class, delivery::post)),
                clock, slack.metrics(), new DeliveryFailures(incidents)::record, config.outboxLease()));
        this.charts = new ChartSchedule(chartService, incidents, clock, this::wake);
    }

    /** New rows were committed: the workers look now rather than at their next poll. */
    private void wake() {
        workers.forEach(OutboxWorker::wake);
    }

    private App bolt() {
        App app = new App(AppConfig.builder()
                .singleTeamBotToken(slack.botToken())
                .signingSecret(slack.signingSecret())
                .slack(slack.slack())
                .requestVerificationEnabled(false) // SlackSignature checks the raw bytes in HTTP mode; Socket Mode needs none
                .authTestCacheEnabled(true)
                .build());
        SlashCommands commands = new SlashCommands(incidents, actions, runbooks, drills, slack.names(), clock);
        HomeTab home = new HomeTab(incidents, runbooks, new DrillHistory(database.jdbi()), clock);
        new SlackInteractions(incidents, actions, silences, commands, home, new Ephemeral(slack.gateway()), slack.gateway(),
                slack.names(), new EventReplays(new SeenEvents(database, clock)), this::wake).register(app);
        new DeclareShortcut(new MessageDeclaration(runbooks, new Classifier(), incidents, clock), runbooks, slack.gateway(), this::wake)
                .register(app);
        return app;
    }

    private List<Consumer<RoutesConfig>> routes(App bolt) {
        // breaches of the runbook thresholds 3am watches from OpenTelemetry go through the same intake as any alert
        this.signals = new SignalWatch(database.jdbi(), runbooks, metrics, clock, alerts -> {
            if (incidents.ingest(alerts).deliveriesDue()) {
                wake();
            }
            if (charts != null) {
                charts.soon(); // a breach that opened an incident gets its chart now, not at the next look
            }
        });
        WebRoutes routes = new WebRoutes(config, database, runbooks, outbox, metrics, new AlertParsers(), incidents,
                new ChangeParser(clock), new LangfuseWebhook(config.langfuseWebhookSecret(), clock), changes, actionLog, postmortem,
                drills, slack.health(), clock, this::wake, signals.receiver());
        List<Consumer<RoutesConfig>> routeSets = new ArrayList<>();
        routeSets.add(routes::register);
        if (slack.signingSecret() != null) { // HTTP mode (and the sandbox); Socket Mode receives events over its WebSocket
            SlackEventsRoute events = new SlackEventsRoute(bolt, new SlackSignature(slack.signingSecret(), clock));
            routeSets.add(r -> r.post("/slack/events", events));
        }
        if (sandbox != null) {
            routeSets.add(sandbox::addRoutes);
        }
        return routeSets;
    }

    public ThreeAm start() {
        replica.start();
        web.start(config.host(), port);
        workers.forEach(OutboxWorker::start);
        signals.start();
        charts.start();
        drillTimer.scheduleWithFixedDelay(() -> {
            try {
                drills.endExpired();
            } catch (RuntimeException e) {
                LOG.warn("ending expired drills: {}", e.toString());
            }
        }, 30, 30, TimeUnit.SECONDS);
        drillTimer.scheduleWithFixedDelay(() -> { // the same timer looks for quiet incidents (NUDGE_AFTER)
            try {
                if (nudges.tick() > 0) {
                    wake();
                }
            } catch (RuntimeException e) {
                LOG.warn("nudging quiet incidents: {}", e.toString());
            }
        }, 30, 30, TimeUnit.SECONDS);
        if (socketMode != null) {
            try {
                socketMode.startAsync();
            } catch (Exception e) {
                throw new ThreeAmException("cannot connect to Slack in Socket Mode: " + e.getMessage(), e);
            }
        }
        return this;
    }

    public int port() {
        return web.port();
    }

    /** The address the server listens on ({@code HOST}). */
    public String host() {
        return config.host();
    }

    /** Whether calls outside 3am are made, shown instead (sandbox mode), or made from sandbox mode on request. */
    public ExternalCalls.Mode externalCalls() {
        return calls.mode();
    }

    public Database database() {
        return database;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public IncidentService incidents() {
        return incidents;
    }

    public RunbookRegistry runbooks() {
        return runbooks;
    }

    /** The telemetry thresholds 3am executes; tests call {@link SignalWatch#evaluateNow()} with their clock. */
    public SignalWatch signals() {
        return signals;
    }

    /** Reminders for quiet incidents; tests call {@link Nudges#tick()} with their clock. */
    public Nudges nudges() {
        return nudges;
    }

    /** When telemetry incidents get their charts; tests call {@link ChartSchedule#tick()} with their clock. */
    public ChartSchedule charts() {
        return charts;
    }

    /** Stops taking requests, then lets the workers finish what they hold (bounded). */
    @Override
    public void close() {
        web.close();
        drillTimer.shutdownNow();
        signals.close();
        charts.close();
        incidents.close();
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.warn("closing Socket Mode: {}", e.getMessage());
            }
        }
        OutboxWorker.stopAll(workers, Duration.ofSeconds(10));
        replica.close();
        runbooks.close();
        database.close();
    }

    private static SocketModeApp socketMode(String appToken, App app) {
        try {
            return new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
        } catch (IOException e) {
            throw new ThreeAmException("cannot start Socket Mode: " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ThreeAmException("no free port: " + e.getMessage(), e);
        }
    }
}
