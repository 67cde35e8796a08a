package dev.threeam.action;

import static dev.threeam.action.Rollbacks.rollback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.action.PageRequest.Event;
import dev.threeam.action.PageRequest.Severity;
import dev.threeam.config.Config;
import dev.threeam.runbook.Runbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One decision, made from the settings: production and {@code SANDBOX_REAL_CALLS=true} call, sandbox mode only says what it would. */
class ExternalCallsTest {

    @TempDir
    Path dir;

    private final FakeApi api = new FakeApi(request -> new FakeApi.Reply(202, "{\"status\":\"success\"}"));

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void the_mode_follows_the_settings() {
        assertThat(ExternalCalls.of(Config.from(Map.of())).mode()).isEqualTo(ExternalCalls.Mode.SANDBOX_SHOWN);
        assertThat(ExternalCalls.of(Config.from(Map.of("SANDBOX_REAL_CALLS", "true"))).mode()).isEqualTo(ExternalCalls.Mode.SANDBOX_REAL);
        assertThat(ExternalCalls.of(Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SANDBOX_REAL_CALLS", "false"))).mode())
                .isEqualTo(ExternalCalls.Mode.PRODUCTION);
        assertThat(ExternalCalls.of(Config.from(Map.of("SANDBOX_REAL_CALLS", "true"))).realFromSandbox()).isTrue();
        assertThat(ExternalCalls.of(Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1"))).realFromSandbox()).isFalse();
    }

    @Test
    void sandbox_mode_pages_nobody_and_says_what_it_would_have_sent_without_the_key() {
        ExternalCalls sandbox = new ExternalCalls(ExternalCalls.Mode.SANDBOX_SHOWN, dir.resolve("copies"));
        Pager pagerDuty = sandbox.pager(new PagerDutyPager(api.url() + "/v2/enqueue"));
        Pager opsgenie = sandbox.pager(new OpsgeniePager(api.url(), "genie-key"));

        PageResult paged = pagerDuty.page(request("pd-routing-key-ab12"));
        PageResult alerted = opsgenie.page(request("appsec-team"));

        assertThat(api.received()).isEmpty();
        assertThat(paged.outcome()).isEqualTo(PageResult.Outcome.WOULD_CALL);
        assertThat(paged.detail()).isEqualTo("PagerDuty: POST " + api.url() + "/v2/enqueue, trigger INC-7 (critical) for routing key …ab12");
        assertThat(alerted.outcome()).isEqualTo(PageResult.Outcome.WOULD_CALL);
        assertThat(alerted.detail()).isEqualTo("Opsgenie: POST " + api.url() + "/v2/alerts, P1 alert INC-7 for team appsec-team")
                .doesNotContain("genie-key");
        assertThat(pagerDuty.name()).isEqualTo("pagerduty");
    }

    @Test
    void sandbox_mode_rolls_back_nothing_outside_and_flagd_edits_only_a_copy() throws Exception {
        Path flags = dir.resolve("runbooks/flags/flags.json");
        Files.createDirectories(flags.getParent());
        Files.writeString(flags, "{\"flags\":{\"route\":{\"state\":\"ENABLED\",\"variants\":{\"new\":\"b\",\"previous\":\"a\"},\"defaultVariant\":\"new\"}}}");
        String before = Files.readString(flags);
        FlagProviders providers = new ExternalCalls(ExternalCalls.Mode.SANDBOX_SHOWN, dir.resolve("copies"))
                .flags(standard(dir.resolve("runbooks")));

        RollbackResult unleash = providers.apply(rollback("unleash", Map.of("feature", "f", "environment", "production")));
        RollbackResult launchDarkly = providers.apply(rollback("launchdarkly", Map.of("flag", "f", "environment", "production")));
        RollbackResult webhook = providers.apply(rollback("webhook", Map.of("url", api.url() + "/rollback")));
        RollbackResult unset = providers.apply(rollback("webhook", Map.of("url", "${KB_ROLLBACK_URL}")));
        RollbackResult flagd = providers.apply(rollback("flagd", Map.of("file", "flags/flags.json", "flag", "route", "variant", "previous")));

        assertThat(api.received()).isEmpty();
        assertThat(List.of(unleash, launchDarkly, webhook, unset)).extracting(RollbackResult::outcome)
                .containsOnly(RollbackResult.Outcome.WOULD_CALL);
        assertThat(unleash.detail()).isEqualTo("Unleash: turn OFF feature f in production (project default)");
        assertThat(launchDarkly.detail()).isEqualTo("LaunchDarkly: turn OFF flag f in production (project default)");
        assertThat(webhook.detail()).isEqualTo("Webhook: POST " + api.url() + "/rollback");
        assertThat(unset.detail()).isEqualTo("Webhook: POST ${KB_ROLLBACK_URL} (${KB_ROLLBACK_URL} is not set)");
        assertThat(flagd.outcome()).isEqualTo(RollbackResult.Outcome.DONE);
        assertThat(Files.readString(flags)).isEqualTo(before);
        assertThat(Files.readString(dir.resolve("copies/flags/flags.json"))).contains("\"defaultVariant\": \"previous\"");
    }

    @Test
    void production_and_sandbox_real_calls_use_the_adapters_as_they_are() {
        for (ExternalCalls.Mode mode : List.of(ExternalCalls.Mode.PRODUCTION, ExternalCalls.Mode.SANDBOX_REAL)) {
            ExternalCalls calls = new ExternalCalls(mode, dir.resolve("copies"));
            PagerDutyPager real = new PagerDutyPager(api.url() + "/v2/enqueue");
            FlagProviders standard = standard(dir.resolve("runbooks"));

            assertThat(calls.pager(real)).isSameAs(real);
            assertThat(calls.flags(standard)).isSameAs(standard);
        }
        Runbook.Rollback unleash = rollback("unleash", Map.of("feature", "f", "environment", "production"));
        RollbackResult done = new ExternalCalls(ExternalCalls.Mode.SANDBOX_REAL, dir).flags(standard(dir)).apply(unleash);

        assertThat(done.outcome()).isEqualTo(RollbackResult.Outcome.DONE);
        assertThat(api.only().path()).isEqualTo("/api/admin/projects/default/features/f/environments/production/off");
    }

    @Test
    void a_confirm_dialog_says_when_nothing_is_called_and_when_a_call_is_real() {
        assertThat(new ExternalCalls(ExternalCalls.Mode.PRODUCTION, dir).confirmNote()).isEmpty();
        assertThat(new ExternalCalls(ExternalCalls.Mode.SANDBOX_SHOWN, dir).confirmNote()).contains("nothing outside 3am is called");
        assertThat(new ExternalCalls(ExternalCalls.Mode.SANDBOX_REAL, dir).confirmNote()).startsWith("REAL");
    }

    private FlagProviders standard(Path runbooks) {
        Map<String, String> env = new HashMap<>();
        env.put("RUNBOOKS_DIR", runbooks.toString());
        env.put("UNLEASH_URL", api.url());
        env.put("UNLEASH_API_TOKEN", "unleash-admin");
        env.put("LAUNCHDARKLY_API_URL", api.url());
        env.put("LAUNCHDARKLY_API_TOKEN", "ld-token");
        return FlagProviders.standard(Config.from(env));
    }

    private static PageRequest request(String target) {
        return new PageRequest("INC-7", Event.TRIGGER, "Faithfulness 0.71 < 0.85", Severity.CRITICAL, "support-answers",
                "http://localhost:3000/api/incidents/INC-7", target);
    }
}
