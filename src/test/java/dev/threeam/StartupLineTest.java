package dev.threeam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.action.ExternalCalls;
import dev.threeam.config.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupLineTest {

    @Test
    void sandbox_mode_on_loopback_says_where_to_look_and_that_it_calls_nothing() {
        Config config = Config.from(Map.of());

        String line = StartupLine.of(config, config.host(), 3000, ExternalCalls.Mode.SANDBOX_SHOWN);

        assertThat(line).startsWith("3am is running in sandbox mode (listening on 127.0.0.1:3000, this machine only; no real calls:")
                .contains("open http://localhost:3000/sandbox").doesNotContain("EXPOSED").doesNotContain("Authorization");
    }

    @Test
    void sandbox_mode_beyond_loopback_says_loudly_that_it_is_exposed_and_the_sample_carries_the_token() {
        Config config = Config.from(Map.of("HOST", "0.0.0.0", "WEBHOOK_TOKEN", "t", "SANDBOX_REAL_CALLS", "true"));

        String line = StartupLine.of(config, config.host(), 3000, ExternalCalls.Mode.SANDBOX_REAL);

        assertThat(line).contains("EXPOSED: listening on 0.0.0.0:3000, so OTHER MACHINES can open its /sandbox page")
                .contains("REAL calls").contains("-H \"Authorization: Bearer $WEBHOOK_TOKEN\"");
    }

    @Test
    void production_mode_says_where_it_runs_and_how_slack_reaches_it() {
        Config config = Config.from(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1", "WEBHOOK_TOKEN", "t"));

        assertThat(StartupLine.of(config, config.host(), 3000, ExternalCalls.Mode.PRODUCTION))
                .isEqualTo("3am is running on http://localhost:3000 (listening on 0.0.0.0:3000, Socket Mode)");
    }
}
