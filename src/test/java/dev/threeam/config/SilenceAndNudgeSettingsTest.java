package dev.threeam.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 22: ALERTMANAGER_URL and NUDGE_AFTER, read as people write them, and refused with their name when wrong. */
class SilenceAndNudgeSettingsTest {

    @Test
    void alertmanager_url_is_optional_loses_its_trailing_slash_and_must_be_http() {
        assertThat(Config.from(Map.of()).alertmanagerUrl()).isNull();
        assertThat(Config.from(Map.of("ALERTMANAGER_URL", "http://alertmanager:9093/")).alertmanagerUrl()).isEqualTo("http://alertmanager:9093");
        assertThatThrownBy(() -> Config.from(Map.of("ALERTMANAGER_URL", "alertmanager:9093")))
                .hasMessage("ALERTMANAGER_URL: expected an http:// or https:// URL, got \"alertmanager:9093\"");
    }

    @Test
    void nudge_after_defaults_to_thirty_minutes_reads_iso_8601_and_refuses_zero() {
        assertThat(Config.from(Map.of()).nudgeAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(Config.from(Map.of("NUDGE_AFTER", "PT45M")).nudgeAfter()).isEqualTo(Duration.ofMinutes(45));
        assertThat(Config.from(Map.of("NUDGE_AFTER", "2h")).nudgeAfter()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> Config.from(Map.of("NUDGE_AFTER", "0s"))).hasMessageContaining("NUDGE_AFTER").hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> Config.from(Map.of("NUDGE_AFTER", "later"))).hasMessageContaining("NUDGE_AFTER");
    }
}
