package dev.threeam.config;

import java.util.Optional;

/**
 * Every environment variable 3am reads, with when it is required, its default and what it means. {@link Config#from}
 * reads the environment only through these constants, so the list cannot miss a setting; the README's settings table
 * and the deployment files in {@code deploy/} are checked against it. Variables that runbooks reference as
 * {@code ${NAME}} are the team's own and not settings.
 */
public enum Setting {
    PORT(Need.OPTIONAL, Default.value("3000"), "HTTP port (`0` picks a free one)"),
    HOST(Need.OPTIONAL, Default.derived("sandbox mode: `127.0.0.1`; otherwise `0.0.0.0`"), "address to listen on"),
    DATABASE_URL(Need.OPTIONAL, Default.value("jdbc:sqlite:threeam.db"), "JDBC URL: `jdbc:sqlite:…` or `jdbc:postgresql://…`"),
    DATABASE_USER(Need.OPTIONAL, Default.NONE, "for PostgreSQL"),
    DATABASE_PASSWORD(Need.OPTIONAL, Default.NONE, "for PostgreSQL"),
    RUNBOOKS_DIR(Need.OPTIONAL, Default.value("runbooks"), "folder of runbooks"),
    SLACK_BOT_TOKEN(Need.PRODUCTION, Default.NONE, "`xoxb-…`; unset means sandbox mode"),
    SLACK_SIGNING_SECRET(Need.PRODUCTION_ONE_OF, Default.NONE, "HTTP mode request signing secret"),
    SLACK_APP_TOKEN(Need.PRODUCTION_ONE_OF, Default.NONE, "`xapp-…`; set means Socket Mode"),
    SLACK_API_URL(Need.OPTIONAL, Default.derived("`https://slack.com/api/` (sandbox: its own `/sandbox/api/`)"),
            "Slack Web API base, ends with `/`"),
    INCIDENT_CHANNEL(Need.OPTIONAL, Default.derived("sandbox: its `#incidents`; else `#incidents`"),
            "channel id for threads when a runbook names none"),
    WEBHOOK_TOKEN(Need.PRODUCTION, Default.NONE,
            "bearer token required on `/alerts*`, `/changes` and `/api/*`; several, comma-separated, are all accepted (rotation)"),
    LANGFUSE_WEBHOOK_SECRET(Need.OPTIONAL, Default.NONE, "HMAC secret of Langfuse prompt webhooks"),
    PUBLIC_URL(Need.OPTIONAL, Default.derived("`http://localhost:$PORT`"), "base URL used in links (pager links, eval callbacks)"),
    PAGERDUTY_EVENTS_URL(Need.OPTIONAL, Default.value("https://events.pagerduty.com/v2/enqueue"), "PagerDuty Events API v2"),
    OPSGENIE_API_URL(Need.OPTIONAL, Default.value("https://api.opsgenie.com"), "Opsgenie alerts API"),
    OPSGENIE_API_KEY(Need.OPTIONAL, Default.NONE, "Opsgenie API key"),
    UNLEASH_URL(Need.OPTIONAL, Default.NONE, "Unleash admin API"),
    UNLEASH_API_TOKEN(Need.OPTIONAL, Default.NONE, "Unleash admin API token"),
    LAUNCHDARKLY_API_URL(Need.OPTIONAL, Default.value("https://app.launchdarkly.com"), "LaunchDarkly API"),
    LAUNCHDARKLY_API_TOKEN(Need.OPTIONAL, Default.NONE, "LaunchDarkly API token"),
    ALERTMANAGER_URL(Need.OPTIONAL, Default.derived("unset: no silence select (sandbox mode shows would-be silences)"),
            "Alertmanager base URL for \"Silence at the source\" (`/api/v2/silences`) on incidents whose alerts came from it"),
    NUDGE_AFTER(Need.OPTIONAL, Default.value("30m"),
            "an open incident with no human action for this long gets one nudge in its thread (`30m`, `2h` or ISO-8601 `PT30M`)"),
    FLAP_WINDOW(Need.OPTIONAL, Default.value("30m"), "a resolved incident whose alert fires again within this reopens"),
    CARD_UPDATE_INTERVAL(Need.OPTIONAL, Default.value("3s"), "the card is redrawn at most once per this"),
    DRILL_ACK_WITHIN(Need.OPTIONAL, Default.value("5m"), "a drill passes only if acknowledged within this"),
    DRILL_PASS_WITHIN(Need.OPTIONAL, Default.value("15m"), "… and all five questions and the right rollback within this"),
    DRILL_TIME_LIMIT(Need.OPTIONAL, Default.value("30m"), "a drill still open after this ends and is scored"),
    OUTBOX_LEASE(Need.OPTIONAL, Default.value("60s"), "how long a replica holds a claimed outbox row before another may take it over"),
    SANDBOX_REAL_CALLS(Need.OPTIONAL, Default.value("false"),
            "`true` lets sandbox mode make real external calls (pages, flag APIs, webhooks, silences); every message about one says REAL"),
    REPLICA_TIMEOUT(Need.OPTIONAL, Default.value("5s"),
            "a replica whose heartbeat (written five times per this) is older than this is dead: its outbox rows are taken over"),
    ACTION_RETRY_FOR(Need.OPTIONAL, Default.value("10m"),
            "a page, rollback or eval whose service does not answer (5xx, timeout) is retried this long, then reported failed with a Retry button");

    /** When 3am refuses to start without a setting. */
    public enum Need {
        /** Never: unset means its default, or the feature it configures is off. */
        OPTIONAL,
        /** Outside sandbox mode (for {@link #SLACK_BOT_TOKEN}: it is what makes production mode). */
        PRODUCTION,
        /** Outside sandbox mode at least one of the settings marked so: HTTP mode or Socket Mode. */
        PRODUCTION_ONE_OF
    }

    private final Need need;
    private final Default fallback;
    private final String meaning;

    Setting(Need need, Default fallback, String meaning) {
        this.need = need;
        this.fallback = fallback;
        this.meaning = meaning;
    }

    public Need need() {
        return need;
    }

    /** Whether 3am refuses to start in production mode without it (alone or as one of a group). */
    public boolean required() {
        return need != Need.OPTIONAL;
    }

    /** What applies when the variable is unset: a value, or how it is worked out (in Markdown); empty when nothing. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(fallback.text());
    }

    public boolean hasDefault() {
        return fallback.text() != null;
    }

    /** One line for people, in Markdown, as in the README's table. */
    public String meaning() {
        return meaning;
    }

    /** The default {@link Config#from} uses as it is, or null when there is none or {@code Config} works it out. */
    String literalDefault() {
        return fallback.derived() ? null : fallback.text();
    }

    private record Default(String text, boolean derived) {
        static final Default NONE = new Default(null, false);

        static Default value(String value) {
            return new Default(value, false);
        }

        static Default derived(String description) {
            return new Default(description, true);
        }
    }
}
