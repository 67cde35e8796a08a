package dev.threeam.alert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatadogParserTest {

    private final DatadogParser parser = new DatadogParser();

    private Alert parse(String json) {
        return parser.parse(json.getBytes(UTF_8)).get(0);
    }

    @Test
    void the_template_fields_become_one_alert_keyed_by_its_cycle() {
        Alert alert = parser.parse(Corpus.read("datadog-chat-jailbreak-success.json")).get(0);

        assertThat(alert.fingerprint()).isEqualTo("datadog:233915365285112609");
        assertThat(alert.groupKey()).isEqualTo("233915365285112609");
        assertThat(alert.title()).isEqualTo("Jailbreak success rate 3.1% on chat-frontdoor");
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.severity().id()).isEqualTo("critical");
        assertThat(alert.labels()).containsEntry("ai_failure_type", "policy_failure")
                .containsEntry("service", "chat-frontdoor").containsEntry("monitor", "");
        assertThat(alert.annotations().get("description")).startsWith("jailbreak_detected events");
        assertThat(alert.startsAt()).isEqualTo(Instant.ofEpochMilli(1795299240000L));
        assertThat(alert.url()).startsWith("https://app.datadoghq.com/monitors/148210402");
    }

    @Test
    void recovered_resolves_and_every_other_transition_fires() {
        String template = "{\"id\":\"1\",\"title\":\"t\",\"alert_cycle_key\":\"c\",\"transition\":\"%s\"}";

        assertThat(parse(template.formatted("Recovered")).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(parse(template.formatted("Warn Recovered")).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(parse(template.formatted("Re-Triggered")).status()).isEqualTo(AlertStatus.FIRING);
        assertThat(parse(template.formatted("Warn")).status()).isEqualTo(AlertStatus.FIRING);
    }

    @Test
    void priorities_map_to_severities() {
        String template = "{\"id\":\"1\",\"title\":\"t\",\"priority\":\"%s\"}";

        assertThat(parse(template.formatted("P1")).severity().id()).isEqualTo("critical");
        assertThat(parse(template.formatted("P2")).severity().id()).isEqualTo("warning");
        assertThat(parse(template.formatted("P4")).severity().id()).isEqualTo("info");
        assertThat(parse("{\"id\":\"1\",\"title\":\"t\"}").severity().id()).isEqualTo("warning");
    }

    @Test
    void tags_keep_colons_in_values_and_join_repeated_keys() {
        Alert alert = parse("{\"id\":\"42\",\"title\":\"t\",\"tags\":\"device:/dev/nvme1n1, env:prod,env:staging,,bare\"}");

        assertThat(alert.labels()).containsEntry("device", "/dev/nvme1n1").containsEntry("env", "prod,staging")
                .containsEntry("bare", "").hasSize(3);
        assertThat(alert.fingerprint()).isEqualTo("datadog:42");
        assertThat(alert.groupKey()).isNull();
    }

    @Test
    void missing_keys_and_bad_dates_are_refused() {
        assertThatThrownBy(() -> parse("{\"title\":\"t\"}")).hasMessage("alert_cycle_key: required (or id)");
        assertThatThrownBy(() -> parse("{\"id\":\"1\"}")).hasMessage("title: required");
        assertThatThrownBy(() -> parse("{\"id\":\"1\",\"title\":\"t\",\"date\":\"$DATE\"}"))
                .hasMessage("date: expected epoch milliseconds or an ISO-8601 time, got \"$DATE\"");
        assertThatThrownBy(() -> parse("[]")).hasMessage("body: expected an object, got an array");
    }
}
