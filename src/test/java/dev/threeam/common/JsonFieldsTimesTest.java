package dev.threeam.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonFieldsTimesTest {

    private static Instant at(String text) {
        JsonNode alert = JsonFields.read(("{\"startsAt\": \"" + text + "\"}").getBytes(StandardCharsets.UTF_8));
        return JsonFields.optionalInstant(alert, "startsAt", "alerts[0]");
    }

    @Test
    void an_rfc_3339_time_is_read_with_its_fraction_and_offset() {
        assertThat(at("2026-11-28T01:40:00.123456789Z")).isEqualTo(Instant.parse("2026-11-28T01:40:00.123456789Z"));
        assertThat(at("2026-11-28T03:40:00+02:00")).isEqualTo(Instant.parse("2026-11-28T01:40:00Z"));
    }

    @Test
    void an_iso_8601_time_without_seconds_is_still_read() {
        assertThat(at("2026-11-28T01:40Z")).isEqualTo(Instant.parse("2026-11-28T01:40:00Z"));
    }

    @Test
    void alertmanagers_zero_time_means_no_time() {
        assertThat(at("0001-01-01T00:00:00Z")).isNull();
    }

    @Test
    void a_time_that_is_not_a_time_is_refused_naming_the_field() {
        assertThatThrownBy(() -> at("yesterday at noon")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("alerts[0].startsAt").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> at("2026-13-45T01:40:00Z")).isInstanceOf(BadInputException.class);
    }
}
