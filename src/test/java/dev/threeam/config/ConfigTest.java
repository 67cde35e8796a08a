package dev.threeam.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threeam.common.ThreeAmException;
import java.time.Duration;
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
}
