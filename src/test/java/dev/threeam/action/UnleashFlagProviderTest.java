package dev.threeam.action;

import static dev.threeam.action.Rollbacks.rollback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.action.FakeApi.Received;
import dev.threeam.action.FakeApi.Reply;
import dev.threeam.runbook.Runbook;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnleashFlagProviderTest {

    static final String TOKEN = "*:*.unleash-admin-token";
    static final Pattern TOGGLE = Pattern.compile(
            "/api/admin/projects/([^/]+)/features/([^/]+)/environments/([^/]+)/(on|off)");

    private final FakeApi unleash = new FakeApi(UnleashFlagProviderTest::adminApi);

    @AfterEach
    void stop() {
        unleash.close();
    }

    /** Answers like Unleash's admin API: 401 without the admin token, 404 for an unknown feature or project. */
    private static Reply adminApi(Received request) {
        if (!TOKEN.equals(request.header("Authorization"))) {
            return new Reply(401, "{\"name\":\"AuthenticationRequired\",\"message\":\"You must log in to use Unleash.\"}");
        }
        Matcher toggle = TOGGLE.matcher(request.path());
        if (!request.method().equals("POST") || !toggle.matches()) {
            return new Reply(404, "{\"name\":\"NotFoundError\",\"message\":\"Route not found\"}");
        }
        if (!toggle.group(1).equals("default") || !toggle.group(2).equals("support-prompt-v42")) {
            return new Reply(404, "{\"name\":\"NotFoundError\",\"message\":\"Could not find feature toggle with name "
                    + toggle.group(2) + "\"}");
        }
        if (!toggle.group(3).equals("production")) {
            return new Reply(404, "{\"name\":\"NotFoundError\",\"message\":\"Could not find environment "
                    + toggle.group(3) + "\"}");
        }
        return new Reply(200, "");
    }

    private static Runbook.Rollback promptOff(String feature) {
        return rollback("unleash", Map.of("project", "default", "feature", feature, "environment", "production",
                "action", "off"));
    }

    @Test
    void turning_a_feature_off_posts_to_its_environment_with_the_admin_token() {
        RollbackResult result = new UnleashFlagProvider(unleash.url() + "/", TOKEN).apply(promptOff("support-prompt-v42"));

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.DONE);
        assertThat(result.detail()).contains("support-prompt-v42", "production", "HTTP 200");
        Received received = unleash.only();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path())
                .isEqualTo("/api/admin/projects/default/features/support-prompt-v42/environments/production/off");
        assertThat(received.header("Authorization")).isEqualTo(TOKEN);
    }

    @Test
    void action_on_turns_the_feature_on() {
        Runbook.Rollback on = rollback("unleash", Map.of("feature", "support-prompt-v42", "environment", "production",
                "action", "on"));

        assertThat(new UnleashFlagProvider(unleash.url(), TOKEN).apply(on).isDone()).isTrue();
        assertThat(unleash.only().path()).endsWith("/environments/production/on");
    }

    @Test
    void a_wrong_token_fails_with_unleashs_answer() {
        RollbackResult result = new UnleashFlagProvider(unleash.url(), "wrong").apply(promptOff("support-prompt-v42"));

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.FAILED);
        assertThat(result.detail()).contains("401", "You must log in");
    }

    @Test
    void an_unknown_feature_fails_with_404() {
        RollbackResult result = new UnleashFlagProvider(unleash.url(), TOKEN).apply(promptOff("no-such-feature"));

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.FAILED);
        assertThat(result.detail()).contains("404", "Could not find feature toggle with name no-such-feature");
    }

    @Test
    void missing_url_or_token_fails_without_calling() {
        assertThat(new UnleashFlagProvider(null, TOKEN).apply(promptOff("support-prompt-v42")).detail())
                .isEqualTo("not called: UNLEASH_URL is not set");
        assertThat(new UnleashFlagProvider(unleash.url(), " ").apply(promptOff("support-prompt-v42")).detail())
                .isEqualTo("not called: UNLEASH_API_TOKEN is not set");
        assertThat(unleash.received()).isEmpty();
    }

    @Test
    void an_unresolved_reference_in_the_settings_fails_without_calling() {
        Runbook.Rollback rollback = rollback("unleash", Map.of("feature", "${PROMPT_FLAG}", "environment", "production"));

        RollbackResult result = new UnleashFlagProvider(unleash.url(), TOKEN).apply(rollback);

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.FAILED);
        assertThat(result.detail()).isEqualTo("not called: ${PROMPT_FLAG} is not set");
        assertThat(unleash.received()).isEmpty();
    }

    @Test
    void a_missing_feature_setting_fails_naming_the_key() {
        RollbackResult result = new UnleashFlagProvider(unleash.url(), TOKEN)
                .apply(rollback("unleash", Map.of("environment", "production")));

        assertThat(result.detail()).isEqualTo("rollback prompt-v41: unleash.feature is missing");
    }

    @Test
    void describe_says_exactly_what_will_change() {
        assertThat(new UnleashFlagProvider(null, null).describe(promptOff("support-prompt-v42")))
                .isEqualTo("Unleash: turn OFF feature support-prompt-v42 in production (project default)");
    }
}
