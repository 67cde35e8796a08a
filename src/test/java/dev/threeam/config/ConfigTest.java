package dev.threeam.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threeam.common.ThreeAmException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void no_settings_at_all_means_sandbox_mode_on_sqlite_in_the_working_directory() {
        Config config = Config.from(Map.of());

        assertThat(config.sandbox()).isTrue();
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:threeam.db");
        assertThat(config.webhookToken()).isNull();
        config.requireComplete();
    }

    @Test
    void a_bot_token_without_a_webhook_token_refuses_to_start_naming_the_variable() {
        Config config = Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"));

        assertThatThrownBy(config::requireComplete).isInstanceOf(ThreeAmException.class).hasMessageContaining("WEBHOOK_TOKEN");
    }

    @Test
    void a_bot_token_without_a_signing_secret_or_app_token_refuses_to_start_naming_both() {
        Config config = Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "WEBHOOK_TOKEN", "t"));

        assertThatThrownBy(config::requireComplete).hasMessageContaining("SLACK_SIGNING_SECRET").hasMessageContaining("SLACK_APP_TOKEN");
    }

    @Test
    void an_app_token_means_socket_mode_and_needs_no_signing_secret() {
        Config config = Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "WEBHOOK_TOKEN", "t", "SLACK_APP_TOKEN", "xapp-1"));

        config.requireComplete();
        assertThat(config.socketMode()).isTrue();
    }

    @Test
    void durations_read_as_people_write_them_and_bad_ones_name_the_variable() {
        assertThat(Config.from(Map.of("FLAP_WINDOW", "45s")).flapWindow()).isEqualTo(Duration.ofSeconds(45));
        assertThat(Config.from(Map.of("FLAP_WINDOW", "PT2H")).flapWindow()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> Config.from(Map.of("FLAP_WINDOW", "soon"))).hasMessageContaining("FLAP_WINDOW");
        assertThatThrownBy(() -> Config.from(Map.of("PORT", "eighty"))).hasMessageContaining("PORT");
    }

    @Test
    void the_slack_api_url_always_ends_with_a_slash() {
        assertThat(Config.from(Map.of("SLACK_API_URL", "http://127.0.0.1:9/api")).slackApiUrl()).isEqualTo("http://127.0.0.1:9/api/");
    }

    @Test
    void host_is_loopback_in_sandbox_mode_every_address_with_a_bot_token_and_what_it_says_when_set() {
        assertThat(Config.from(Map.of()).host()).isEqualTo("127.0.0.1");
        assertThat(Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1")).host()).isEqualTo("0.0.0.0");
        assertThat(Config.from(Map.of("HOST", "0.0.0.0")).host()).isEqualTo("0.0.0.0");
        assertThat(Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "HOST", " 10.0.0.5 ")).host()).isEqualTo("10.0.0.5");
    }

    @Test
    void sandbox_mode_makes_no_real_calls_unless_sandbox_real_calls_is_true_and_a_bad_value_names_the_variable() {
        assertThat(Config.from(Map.of()).sandboxRealCalls()).isFalse();
        assertThat(Config.from(Map.of("SANDBOX_REAL_CALLS", "TRUE")).sandboxRealCalls()).isTrue();
        assertThat(Config.from(Map.of("SANDBOX_REAL_CALLS", "false")).sandboxRealCalls()).isFalse();
        assertThatThrownBy(() -> Config.from(Map.of("SANDBOX_REAL_CALLS", "yes"))).hasMessageContaining("SANDBOX_REAL_CALLS")
                .hasMessageContaining("true or false");
    }

    @Test
    void sandbox_mode_talks_only_to_its_own_slack_even_when_slack_api_url_is_set() {
        assertThat(Config.from(Map.of("SLACK_API_URL", "https://slack.com/api/", "HOST", "127.0.0.1")).slackApiUrl(3000))
                .isEqualTo("http://127.0.0.1:3000/sandbox/api/");
        assertThat(Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_API_URL", "http://127.0.0.1:9/api")).slackApiUrl(3000))
                .isEqualTo("http://127.0.0.1:9/api/");
    }

    @Test
    void sandbox_mode_beyond_loopback_is_exposed_and_refuses_to_start_without_a_webhook_token() {
        assertThat(Config.from(Map.of()).sandboxExposed()).isFalse();
        assertThat(Config.from(Map.of("HOST", "localhost")).sandboxExposed()).isFalse();
        assertThat(Config.from(Map.of("HOST", "::1")).sandboxExposed()).isFalse();
        assertThat(Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1")).sandboxExposed()).isFalse();

        Config exposed = Config.from(Map.of("HOST", "0.0.0.0"));
        assertThat(exposed.sandboxExposed()).isTrue();
        assertThatThrownBy(exposed::requireComplete).isInstanceOf(ThreeAmException.class)
                .hasMessageContaining("HOST 0.0.0.0").hasMessageContaining("needs WEBHOOK_TOKEN");
        Config.from(Map.of("HOST", "0.0.0.0", "WEBHOOK_TOKEN", "t")).requireComplete();
        assertThatThrownBy(Config.from(Map.of("HOST", "192.168.1.5"))::requireComplete).hasMessageContaining("WEBHOOK_TOKEN");
    }

    @Test
    void the_settings_list_names_each_variable_once_and_what_production_needs_has_no_default() {
        assertThat(Config.SETTINGS).extracting(Setting::name).doesNotHaveDuplicates().contains("HOST", "PORT", "WEBHOOK_TOKEN");
        assertThat(Config.SETTINGS).allSatisfy(setting -> assertThat(setting.meaning()).isNotBlank());
        assertThat(Config.SETTINGS).filteredOn(Setting::required).extracting(Setting::name)
                .containsExactlyInAnyOrder("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "WEBHOOK_TOKEN");
        assertThat(Config.SETTINGS).filteredOn(Setting::required).noneMatch(Setting::hasDefault);
        assertThat(Setting.PORT.defaultValue()).contains("3000");
        assertThat(Setting.HOST.defaultValue().orElseThrow()).contains("127.0.0.1").contains("0.0.0.0");
    }

    @Test
    void the_defaults_the_list_states_are_the_ones_config_uses() {
        Config config = Config.from(Map.of());

        assertThat(String.valueOf(config.port())).isEqualTo(Setting.PORT.defaultValue().orElseThrow());
        assertThat(config.databaseUrl()).isEqualTo(Setting.DATABASE_URL.defaultValue().orElseThrow());
        assertThat(config.runbooksDir()).hasToString(Setting.RUNBOOKS_DIR.defaultValue().orElseThrow());
        assertThat(config.flapWindow()).isEqualTo(Config.parseDuration(Setting.FLAP_WINDOW.defaultValue().orElseThrow()));
        assertThat(config.outboxLease()).isEqualTo(Config.parseDuration(Setting.OUTBOX_LEASE.defaultValue().orElseThrow()));
        assertThat(config.pagerdutyEventsUrl()).isEqualTo(Setting.PAGERDUTY_EVENTS_URL.defaultValue().orElseThrow());
    }

    @Test
    void a_blank_value_counts_as_unset_as_env_files_with_empty_placeholders_write_it() {
        Config config = Config.from(Map.of("DATABASE_URL", "", "SLACK_BOT_TOKEN", " ", "PORT", "", "PUBLIC_URL", ""));

        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:threeam.db");
        assertThat(config.sandbox()).isTrue();
        assertThat(config.port()).isEqualTo(3000);
        assertThat(config.publicUrl()).isEqualTo("http://localhost:3000");
    }

    @Test
    void refusing_to_start_names_every_missing_setting_from_the_list() {
        Config config = Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "WEBHOOK_TOKEN", " "));

        assertThatThrownBy(config::requireComplete).hasMessageContaining("WEBHOOK_TOKEN (bearer token")
                .hasMessageContaining("SLACK_SIGNING_SECRET (HTTP mode").hasMessageContaining(" or SLACK_APP_TOKEN (xapp-");
        assertThat(new HashSet<>(Config.SETTINGS)).hasSize(Setting.values().length);
    }
}
