package dev.threeam.config;

import dev.threeam.common.ThreeAmException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every setting 3am reads, read once from the environment. The only class that looks at environment variables:
 * other parts receive a {@code Config} (or the values they need) from {@code ThreeAm}.
 */
public record Config(
        int port,
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
        Map<String, String> environment) {

    public static final String SANDBOX_CHANNEL = "C0INCIDENTS";
    /** The bot token the sandbox's own Slack accepts. */
    public static final String SANDBOX_BOT_TOKEN = "xoxb-sandbox";

    public Config {
        environment = Map.copyOf(environment);
    }

    /** Reads the process environment. */
    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads the given variables as if they were the environment (tests pass their own). */
    public static Config from(Map<String, String> env) {
        int port = integer(env, "PORT", 3000);
        String botToken = blankToNull(env.get("SLACK_BOT_TOKEN"));
        return new Config(
                port,
                env.getOrDefault("DATABASE_URL", "jdbc:sqlite:threeam.db"),
                blankToNull(env.get("DATABASE_USER")),
                blankToNull(env.get("DATABASE_PASSWORD")),
                Path.of(env.getOrDefault("RUNBOOKS_DIR", "runbooks")),
                botToken,
                blankToNull(env.get("SLACK_SIGNING_SECRET")),
                blankToNull(env.get("SLACK_APP_TOKEN")),
                withTrailingSlash(blankToNull(env.get("SLACK_API_URL"))),
                blankToNull(env.get("INCIDENT_CHANNEL")),
                blankToNull(env.get("WEBHOOK_TOKEN")),
                blankToNull(env.get("LANGFUSE_WEBHOOK_SECRET")),
                withoutTrailingSlash(env.getOrDefault("PUBLIC_URL", "http://localhost:" + port)),
                env.getOrDefault("PAGERDUTY_EVENTS_URL", "https://events.pagerduty.com/v2/enqueue"),
                withoutTrailingSlash(env.getOrDefault("OPSGENIE_API_URL", "https://api.opsgenie.com")),
                blankToNull(env.get("OPSGENIE_API_KEY")),
                withoutTrailingSlash(blankToNull(env.get("UNLEASH_URL"))),
                blankToNull(env.get("UNLEASH_API_TOKEN")),
                withoutTrailingSlash(env.getOrDefault("LAUNCHDARKLY_API_URL", "https://app.launchdarkly.com")),
                blankToNull(env.get("LAUNCHDARKLY_API_TOKEN")),
                duration(env, "FLAP_WINDOW", Duration.ofMinutes(30)),
                duration(env, "CARD_UPDATE_INTERVAL", Duration.ofSeconds(3)),
                duration(env, "DRILL_ACK_WITHIN", Duration.ofMinutes(5)),
                duration(env, "DRILL_PASS_WITHIN", Duration.ofMinutes(15)),
                duration(env, "DRILL_TIME_LIMIT", Duration.ofMinutes(30)),
                duration(env, "OUTBOX_LEASE", Duration.ofSeconds(60)),
                env);
    }

    /** Without a bot token 3am runs its own local Slack workspace. */
    public boolean sandbox() {
        return slackBotToken == null;
    }

    public boolean socketMode() {
        return slackAppToken != null;
    }

    /** The token 3am calls Slack with: the configured one, or the sandbox's. */
    public String botToken() {
        return sandbox() ? SANDBOX_BOT_TOKEN : slackBotToken;
    }

    /** The Slack Web API 3am calls: {@code SLACK_API_URL}, else the sandbox's own on {@code port}, else Slack's. */
    public String slackApiUrl(int port) {
        if (slackApiUrl != null) {
            return slackApiUrl;
        }
        return sandbox() ? "http://127.0.0.1:" + port + "/sandbox/api/" : "https://slack.com/api/";
    }

    /** Where threads go when a runbook names no channel. */
    public String defaultChannel() {
        return incidentChannel != null ? incidentChannel : sandbox() ? SANDBOX_CHANNEL : "#incidents";
    }

    /**
     * Refuses to start when a real Slack connection lacks what it needs; the message names each missing variable.
     */
    public void requireComplete() {
        if (sandbox()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (webhookToken == null) {
            missing.add("WEBHOOK_TOKEN (bearer token for /alerts, /changes and /api)");
        }
        if (slackSigningSecret == null && slackAppToken == null) {
            missing.add("SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)");
        }
        if (!missing.isEmpty()) {
            throw new ThreeAmException("SLACK_BOT_TOKEN is set but 3am cannot start: missing " + String.join(" and ", missing));
        }
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ThreeAmException(name + ": expected a number, got \"" + value + "\"");
        }
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

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parseDuration(value);
        } catch (ThreeAmException e) {
            throw new ThreeAmException(name + ": " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String withTrailingSlash(String url) {
        return url == null || url.endsWith("/") ? url : url + "/";
    }

    private static String withoutTrailingSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
