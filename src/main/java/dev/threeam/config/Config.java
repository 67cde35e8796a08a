package dev.threeam.config;

import static dev.threeam.config.Setting.*;

import dev.threeam.common.ThreeAmException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every setting 3am reads, read once from the environment. The only class that looks at environment variables:
 * other parts receive a {@code Config} (or the values they need) from {@code ThreeAm}. The settings themselves, with
 * whether production mode needs them, their defaults and meanings, are {@link #SETTINGS}.
 */
public record Config(
        int port,
        String host,
        String databaseUrl,
        String databaseUser,
        String databasePassword,
        Path runbooksDir,
        String slackBotToken,
        String slackSigningSecret,
        String slackAppToken,
        String slackApiUrl,
        String incidentChannel,
        String webhookToken,
        String langfuseWebhookSecret,
        String publicUrl,
        String pagerdutyEventsUrl,
        String opsgenieApiUrl,
        String opsgenieApiKey,
        String unleashUrl,
        String unleashApiToken,
        String launchdarklyApiUrl,
        String launchdarklyApiToken,
        Duration flapWindow,
        Duration cardUpdateInterval,
        Duration drillAckWithin,
        Duration drillPassWithin,
        Duration drillTimeLimit,
        Duration outboxLease,
        boolean sandboxRealCalls,
        Duration replicaTimeout,
        Duration actionRetryFor,
        String alertmanagerUrl,
        Duration nudgeAfter,
        Map<String, String> environment) {

    public static final String SANDBOX_CHANNEL = "C0INCIDENTS";

    /**
     * Every environment variable 3am reads, in the README's order: name, whether production mode needs it, its
     * default and meaning. {@link #from} reads through these and nothing else, so the list is complete by
     * construction. Variables that runbooks reference as {@code ${NAME}} are not settings (they are read from {@link #environment()}).
     */
    public static final List<Setting> SETTINGS = List.of(Setting.values());

    public Config {
        environment = Map.copyOf(environment);
    }

    /** Reads the process environment. */
    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads the given variables as if they were the environment (tests pass their own). */
    public static Config from(Map<String, String> env) {
        SettingValues values = new SettingValues(env);
        int port = values.integer(PORT);
        String botToken = values.text(SLACK_BOT_TOKEN);
        String host = values.text(HOST);
        String publicUrl = values.text(PUBLIC_URL);
        return new Config(
                port,
                host != null ? host : botToken == null ? "127.0.0.1" : "0.0.0.0",
                values.text(DATABASE_URL),
                values.text(DATABASE_USER),
                values.text(DATABASE_PASSWORD),
                Path.of(values.text(RUNBOOKS_DIR)),
                botToken,
                values.text(SLACK_SIGNING_SECRET),
                values.text(SLACK_APP_TOKEN),
                withTrailingSlash(values.text(SLACK_API_URL)),
                values.text(INCIDENT_CHANNEL),
                values.text(WEBHOOK_TOKEN),
                values.text(LANGFUSE_WEBHOOK_SECRET),
                withoutTrailingSlash(publicUrl != null ? publicUrl : "http://localhost:" + port),
                values.text(PAGERDUTY_EVENTS_URL),
                withoutTrailingSlash(values.text(OPSGENIE_API_URL)),
                values.text(OPSGENIE_API_KEY),
                withoutTrailingSlash(values.text(UNLEASH_URL)),
                values.text(UNLEASH_API_TOKEN),
                withoutTrailingSlash(values.text(LAUNCHDARKLY_API_URL)),
                values.text(LAUNCHDARKLY_API_TOKEN),
                values.duration(FLAP_WINDOW),
                values.duration(CARD_UPDATE_INTERVAL),
                values.duration(DRILL_ACK_WITHIN),
                values.duration(DRILL_PASS_WITHIN),
                values.duration(DRILL_TIME_LIMIT),
                values.duration(OUTBOX_LEASE),
                values.bool(SANDBOX_REAL_CALLS),
                values.duration(REPLICA_TIMEOUT),
                values.duration(ACTION_RETRY_FOR),
                values.url(ALERTMANAGER_URL),
                values.positiveDuration(NUDGE_AFTER),
                env);
    }

    /** Without a bot token 3am runs its own local Slack workspace. */
    public boolean sandbox() {
        return slackBotToken == null;
    }

    public boolean socketMode() {
        return slackAppToken != null;
    }

    /**
     * The Slack Web API 3am calls: in sandbox mode always its own local workspace on {@code port} (so no message can
     * reach a real Slack), otherwise {@code SLACK_API_URL}, else Slack's.
     */
    public String slackApiUrl(int port) {
        if (sandbox()) {
            return selfUrl(port) + "/sandbox/api/";
        }
        return slackApiUrl != null ? slackApiUrl : "https://slack.com/api/";
    }

    /** Sandbox mode listening on more than loopback: other machines can reach its page and endpoints. */
    public boolean sandboxExposed() {
        return sandbox() && !loopback(host);
    }

    /** How this process reaches its own server: over loopback when it listens on every address. */
    public String selfUrl(int port) {
        return "http://" + (everyAddress(host) ? "127.0.0.1" : bracketed(host)) + ":" + port;
    }

    /** The host to print in a link for a person: {@code localhost} when loopback answers, else {@code HOST} itself. */
    public String browsableHost() {
        return everyAddress(host) || loopback(host) ? "localhost" : bracketed(host);
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    private static boolean everyAddress(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The bearer tokens {@code WEBHOOK_TOKEN} accepts: one, or several comma-separated while one is rotated. */
    public List<String> webhookTokens() {
        return webhookToken == null ? List.of() : Arrays.stream(webhookToken.split(",")).map(String::trim)
                .filter(token -> !token.isEmpty()).toList();
    }

    /** Where threads go when a runbook names no channel. */
    public String defaultChannel() {
        return incidentChannel != null ? incidentChannel : sandbox() ? SANDBOX_CHANNEL : "#incidents";
    }

    /**
     * Refuses to start when a real Slack connection lacks what it needs ({@link Setting#need}); the message names
     * each missing variable.
     */
    public void requireComplete() {
        if (sandbox()) {
            requireTokenWhenExposed();
            return;
        }
        List<String> missing = new ArrayList<>();
        SETTINGS.stream()
                .filter(setting -> setting.need() == Setting.Need.PRODUCTION && !isSet(setting))
                .forEach(setting -> missing.add(described(setting)));
        List<Setting> oneOf = SETTINGS.stream().filter(setting -> setting.need() == Setting.Need.PRODUCTION_ONE_OF).toList();
        if (oneOf.stream().noneMatch(this::isSet)) {
            missing.add(String.join(" or ", oneOf.stream().map(Config::described).toList()));
        }
        if (!missing.isEmpty()) {
            throw new ThreeAmException("SLACK_BOT_TOKEN is set but 3am cannot start: missing " + String.join(" and ", missing));
        }
    }

    /**
     * Sandbox mode asks for no accounts and no token; on an address other machines reach, that would let anyone fire
     * alerts and read incidents, so it needs {@code WEBHOOK_TOKEN} there.
     */
    private void requireTokenWhenExposed() {
        if (sandboxExposed() && !isSet(WEBHOOK_TOKEN)) {
            throw new ThreeAmException("sandbox mode on HOST " + host + " (reachable from other machines) needs WEBHOOK_TOKEN, the bearer"
                    + " token for /alerts*, /changes and /api/*: set WEBHOOK_TOKEN, or leave HOST unset to listen on 127.0.0.1 only");
        }
    }

    private boolean isSet(Setting setting) {
        String value = environment.get(setting.name());
        return value != null && !value.isBlank();
    }

    private static String described(Setting setting) {
        return setting.name() + " (" + setting.meaning().replace("`", "") + ")";
    }

    /** {@code 30m}, {@code 45s}, {@code 2h} or an ISO-8601 duration ({@code PT30M}). */
    public static Duration parseDuration(String value) {
        String text = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1).trim());
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new ThreeAmException("expected a duration such as 30m, 24h or 45s, got \"" + value + "\"");
        }
    }

    private static String withTrailingSlash(String url) {
        return url == null || url.endsWith("/") ? url : url + "/";
    }

    private static String withoutTrailingSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
