package dev.threeam.action;

import static dev.threeam.action.Rollbacks.rollback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.config.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagProvidersTest {

    private final FlagProviders providers = FlagProviders.standard(Config.from(Map.of()));

    @Test
    void the_provider_is_chosen_by_the_rollbacks_provider_name() {
        for (String name : List.of("unleash", "flagd", "launchdarkly", "webhook")) {
            assertThat(providers.forRollback(rollback(name, Map.of()))).get()
                    .extracting(FlagProvider::name).isEqualTo(name);
        }
    }

    @Test
    void an_unknown_provider_fails_listing_the_known_ones() {
        RollbackResult result = providers.apply(rollback("split", Map.of()));

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.FAILED);
        assertThat(result.detail())
                .isEqualTo("rollback prompt-v41: unknown provider \"split\" (known: unleash, flagd, launchdarkly, webhook)");
    }

    @Test
    void a_standard_unleash_without_configuration_fails_without_calling() {
        RollbackResult result = providers.apply(rollback("unleash", Map.of("feature", "f", "environment", "production")));

        assertThat(result.detail()).isEqualTo("not called: UNLEASH_URL is not set");
    }

    @Test
    void descriptions_fit_a_confirm_dialog() {
        String description = providers.describe(rollback("webhook",
                Map.of("url", "https://kb.example/rollback", "body", Map.of("note", "n".repeat(1000)))));

        assertThat(description).hasSize(FlagProviders.MAX_DESCRIPTION).startsWith("Webhook: POST https://kb.example");
    }

    @Test
    void a_rollback_missing_a_setting_is_described_as_not_runnable() {
        assertThat(providers.describe(rollback("launchdarkly", Map.of("environment", "production"))))
                .isEqualTo("LaunchDarkly: cannot run: rollback prompt-v41: launchdarkly.flag is missing");
    }
}
