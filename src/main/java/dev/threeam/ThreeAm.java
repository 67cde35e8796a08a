package dev.threeam;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.socket_mode.SocketModeClient;
import dev.threeam.action.ActionDelivery;
import dev.threeam.action.ActionLog;
import dev.threeam.action.ActionService;
import dev.threeam.action.Authorization;
import dev.threeam.action.CachedUserGroupDirectory;
import dev.threeam.action.EvalTrigger;
import dev.threeam.action.FlagProviders;
import dev.threeam.action.OpsgeniePager;
import dev.threeam.action.PagerDutyPager;
import dev.threeam.alert.AlertParsers;
import dev.threeam.change.ChangeParser;
import dev.threeam.change.ChangeRanker;
import dev.threeam.change.ChangeService;
import dev.threeam.change.ChangeText;
import dev.threeam.change.LangfuseWebhook;
import dev.threeam.classify.Classifier;
import dev.threeam.common.ThreeAmException;
import dev.threeam.config.Config;
import dev.threeam.incident.AlertIngestor;
import dev.threeam.drill.DrillHistory;
import dev.threeam.drill.DrillService;
import dev.threeam.drill.DrillThresholds;
import dev.threeam.incident.EvalResults;
import dev.threeam.incident.Examples;
import dev.threeam.incident.IncidentLifecycle;
import dev.threeam.incident.IncidentSettings;
import dev.threeam.incident.Postmortem;
import dev.threeam.incident.Triage;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.sandbox.Sandbox;
import dev.threeam.signal.SignalWatch;
import dev.threeam.slack.DeliveryFailures;
import dev.threeam.slack.Ephemeral;
import dev.threeam.slack.HomeTab;
import dev.threeam.slack.OutboxWorker;
import dev.threeam.slack.QuestionViews;
import dev.threeam.slack.SlackDelivery;
import dev.threeam.slack.SlackEventsRoute;
import dev.threeam.slack.SlackGateway;
import dev.threeam.slack.SlackInteractions;
import dev.threeam.slack.SlackMetrics;
import dev.threeam.slack.SlackSignature;
import dev.threeam.slack.SlashCommands;
import dev.threeam.slack.ThreadContextLoader;
import dev.threeam.slack.ThreadViews;
import dev.threeam.store.Database;
import dev.threeam.store.Outbox;
import dev.threeam.store.OutboxHandler;
import dev.threeam.store.OutboxKind;
import dev.threeam.web.StateGauges;
import dev.threeam.web.WebRoutes;
import dev.threeam.web.WebServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part of 3am from a {@link Config} and a {@link Clock}, starts it, stops it.
 * Tests build it the same way, with a temporary database and a local Slack.
 */
public final class ThreeAm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ThreeAm.class);
    public static final String SANDBOX_BOT_TOKEN = "xoxb-sandbox";

    private final Config config;
    private final Database database;
    private final RunbookRegistry runbooks;
    private final WebServer web;
    /** Slack deliveries run on a few workers: one incident's messages stay in order (the claim sees to it), different
     * incidents and channels go in parallel. */
    private static final int SLACK_WORKERS = 4;
    private final List<OutboxWorker> slackWorkers = new ArrayList<>();
    private final OutboxWorker actionWorker;
    private final SocketModeApp socketMode;
    private final Sandbox sandbox;
    private final PrometheusMeterRegistry metrics;
    private final AlertIngestor ingestor;
    private final SignalWatch signals;
    private final java.util.concurrent.ScheduledExecutorService drillTimer;
    private final Runnable endExpiredDrills;
    private final int port;

    public ThreeAm(Config config, Clock clock) {
        config.requireComplete();
        this.config = config;
        this.port = config.port() == 0 ? freePort() : config.port();
        String baseUrl = "http://127.0.0.1:" + port;
        String signingSecret = config.sandbox() ? "sandbox-" + UUID.randomUUID() : config.slackSigningSecret();
        String botToken = config.sandbox() ? SANDBOX_BOT_TOKEN : config.slackBotToken();
        String apiUrl = config.slackApiUrl() != null ? config.slackApiUrl()
                : config.sandbox() ? baseUrl + "/sandbox/api/" : "https://slack.com/api/";

        this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.database = Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword());
        this.runbooks = RunbookRegistry.load(config.runbooksDir(), config.environment(), config.sandbox(), clock);
        runbooks.problems().forEach(problem -> LOG.warn("runbook: {}", problem));
        runbooks.watch();

        var jdbi = database.jdbi();
        IncidentSettings settings = new IncidentSettings(config.flapWindow(), config.cardUpdateInterval(),
                config.incidentChannel() != null ? config.incidentChannel() : config.sandbox() ? Config.SANDBOX_CHANNEL : "#incidents");
        Outbox outbox = new Outbox(database);
        // how long a claimed outbox row is held before another process may take it over (tests shorten it)
        Duration lease = config.outboxLease();
        ActionLog actionLog = new ActionLog(jdbi);
        ChangeService changes = new ChangeService(jdbi, clock);
        this.ingestor = new AlertIngestor(jdbi, runbooks, new Classifier(), clock, settings);
        IncidentLifecycle lifecycle = new IncidentLifecycle(jdbi, clock, settings);
        Triage triage = new Triage(jdbi, clock, settings, changeId -> changes.find(changeId).map(ChangeText::oneLine));
        Examples examples = new Examples(jdbi, clock);

        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(apiUrl);
        slackConfig.getMethodsConfig().setExecutorName("threeam-" + UUID.randomUUID());
        Slack slack = Slack.getInstance(slackConfig);
        MethodsClient methods = slack.methods(botToken);
        SlackMetrics slackMetrics = new SlackMetrics(metrics);
        SlackGateway gateway = new SlackGateway(methods, slackMetrics);

        Authorization authorization = new Authorization(new CachedUserGroupDirectory(
                group -> java.util.Set.copyOf(gateway.userGroupMembers(group)), clock));
        ActionService actions = new ActionService(jdbi, runbooks, authorization, lifecycle, clock);
        DrillService drills = new DrillService(jdbi, runbooks, ingestor, lifecycle, actionLog,
                new DrillThresholds(config.drillAckWithin(), config.drillPassWithin(), config.drillTimeLimit()), clock);
        this.drillTimer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "drill-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.endExpiredDrills = drills::endExpired;
        FlagProviders flags = FlagProviders.standard(config);

        ThreadViews views = new ThreadViews(new QuestionViews(flags::describe));
        ThreadContextLoader contexts = new ThreadContextLoader(jdbi, runbooks, changes, new ChangeRanker(), actionLog, clock);
        SlackDelivery delivery = new SlackDelivery(jdbi, outbox, gateway, contexts, views, clock, settings.defaultChannel(),
                settings.cardUpdateInterval());
        Map<OutboxKind, OutboxHandler> slackHandlers = Map.of(
                OutboxKind.POST_CARD, delivery::postCard,
                OutboxKind.UPDATE_CARD, delivery::updateCard,
                OutboxKind.POST_REPLY, delivery::postReply,
                OutboxKind.UPDATE_MESSAGE, delivery::updateMessage,
                OutboxKind.DIRECT_MESSAGE, delivery::directMessage);
        for (int i = 0; i < SLACK_WORKERS; i++) {
            slackWorkers.add(new OutboxWorker("slack", outbox, slackHandlers, clock, slackMetrics, new DeliveryFailures(jdbi, clock)::record, lease));
        }
        ActionDelivery actionDelivery = new ActionDelivery(jdbi, runbooks, flags, new PagerDutyPager(config.pagerdutyEventsUrl()),
                new OpsgeniePager(config.opsgenieApiUrl(), config.opsgenieApiKey()), new EvalTrigger(), clock, config);
        Map<OutboxKind, OutboxHandler> actionHandlers = Map.of(
                OutboxKind.PAGE, actionDelivery::page,
                OutboxKind.ROLLBACK, actionDelivery::rollback,
                OutboxKind.EVAL, actionDelivery::eval,
                OutboxKind.DRILL_SCORE, drills::score);
        this.actionWorker = new OutboxWorker("actions", outbox, actionHandlers, clock, slackMetrics, new DeliveryFailures(jdbi, clock)::record,
                lease);
        StateGauges.register(metrics, outbox, jdbi, clock);
        Runnable wake = () -> {
            slackWorkers.forEach(OutboxWorker::wake);
            actionWorker.wake();
        };

        App app = new App(AppConfig.builder()
                .singleTeamBotToken(botToken)
                .signingSecret(signingSecret)
                .slack(slack)
                .requestVerificationEnabled(false) // SlackSignature checks the raw bytes in HTTP mode; Socket Mode needs none
                .authTestCacheEnabled(true)
                .build());
        SlashCommands commands = new SlashCommands(jdbi, ingestor, actions, runbooks, drills, clock);
        new SlackInteractions(lifecycle, triage, actions, examples, commands, new HomeTab(jdbi, runbooks, new DrillHistory(jdbi), clock), new Ephemeral(gateway), gateway, wake)
                .register(app);

        // breaches of the runbook thresholds 3am watches from OpenTelemetry go through the same intake as any alert
        this.signals = new SignalWatch(jdbi, runbooks, metrics, clock, alerts -> {
            ingestor.ingest(alerts);
            wake.run();
        });
        Postmortem postmortem = new Postmortem(jdbi, examples, id -> actionLog.forIncident(id).stream()
                .map(a -> new Postmortem.ActionLine(a.kind(), a.target(), a.byUser(), a.status(), a.detail(), a.at())).toList(),
                changeId -> changes.find(changeId).map(ChangeText::description));
        WebRoutes routes = new WebRoutes(config, database, runbooks, outbox, metrics, new AlertParsers(), ingestor,
                new ChangeParser(clock), new LangfuseWebhook(config.langfuseWebhookSecret(), clock), changes, actionLog, examples,
                postmortem, drills, new EvalResults(jdbi, clock, settings), wake, signals.receiver());
        List<java.util.function.Consumer<io.javalin.config.RoutesConfig>> routeSets = new ArrayList<>();
        routeSets.add(routes::register);
        if (signingSecret != null) { // HTTP mode (and the sandbox); Socket Mode receives events over its WebSocket
            SlackEventsRoute events = new SlackEventsRoute(app, new SlackSignature(signingSecret, clock));
            routeSets.add(r -> r.post("/slack/events", events));
        }
        this.sandbox = config.sandbox() ? Sandbox.create(runbooks, baseUrl, signingSecret, clock, config) : null;
        if (sandbox != null) {
            routeSets.add(sandbox::addRoutes);
        }
        this.web = new WebServer(routeSets);
        this.socketMode = config.socketMode() ? socketMode(config.slackAppToken(), app) : null;
    }

    public ThreeAm start() {
        web.start(port);
        slackWorkers.forEach(OutboxWorker::start);
        actionWorker.start();
        signals.start();
        drillTimer.scheduleWithFixedDelay(() -> {
            try {
                endExpiredDrills.run();
            } catch (RuntimeException e) {
                LOG.warn("ending expired drills: {}", e.toString());
            }
        }, 30, 30, java.util.concurrent.TimeUnit.SECONDS);
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

    public Database database() {
        return database;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public RunbookRegistry runbooks() {
        return runbooks;
    }

    /** The telemetry thresholds 3am executes; tests call {@link SignalWatch#evaluateNow()} with their clock. */
    public SignalWatch signals() {
        return signals;
    }

    /** Runs every due outbox row now, on the caller's thread; for tests that want no background timing. */
    public void drainOnce() {
        slackWorkers.get(0).runOnce();
        actionWorker.runOnce();
    }

    /** Stops taking requests, then lets the workers finish what they hold (bounded). */
    @Override
    public void close() {
        web.close();
        drillTimer.shutdownNow();
        signals.close();
        ingestor.close();
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.warn("closing Socket Mode: {}", e.getMessage());
            }
        }
        List<OutboxWorker> workers = new ArrayList<>(slackWorkers);
        workers.add(actionWorker);
        OutboxWorker.stopAll(workers, Duration.ofSeconds(10));
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
