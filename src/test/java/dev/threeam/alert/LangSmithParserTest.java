package dev.threeam.alert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LangSmithParserTest {

    private final LangSmithParser parser = new LangSmithParser();

    @Test
    void a_rule_alert_fires_grouped_by_its_rule_with_rule_fields_as_labels_and_values() {
        Alert alert = parser.parse(Corpus.read("langsmith-clause-extraction-correctness.json")).get(0);

        assertThat(alert.groupKey()).isEqualTo("b5751ccd-b6cd-5274-af8d-aa4c420b60e6");
        assertThat(alert.fingerprint()).isEqualTo("langsmith:b5751ccd-b6cd-5274-af8d-aa4c420b60e6");
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.title()).isEqualTo("Clause extraction correctness (online evaluator) below 0.8");
        assertThat(alert.labels()).containsEntry("project_name", "contract-review")
                .containsEntry("alert_rule_attribute", "feedback_score")
                .containsEntry("alert_rule_type", "threshold")
                .containsEntry("alert_rule_name", alert.title());
        assertThat(alert.values()).containsEntry("triggered_metric_value", "0.64")
                .containsEntry("triggered_threshold", "0.8");
        assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-11-10T04:15:02.872Z"));
        assertThat(alert.url()).startsWith("https://smith.langchain.com/");
    }

    @Test
    void the_rule_id_is_required_and_values_must_be_numbers() {
        assertThatThrownBy(() -> parser.parse("{\"alert_rule_name\":\"x\"}".getBytes(UTF_8)))
                .hasMessage("alert_rule_id: required");
        assertThatThrownBy(() -> parser.parse(
                "{\"alert_rule_id\":\"r\",\"triggered_metric_value\":\"lots\"}".getBytes(UTF_8)))
                .hasMessage("triggered_metric_value: expected a number, got \"lots\"");
    }

    @Test
    void a_rule_without_a_name_is_titled_by_its_id() {
        Alert alert = parser.parse("{\"alert_rule_id\":\"r1\",\"triggered_metric_value\":\"12\"}".getBytes(UTF_8)).get(0);

        assertThat(alert.title()).isEqualTo("LangSmith alert rule r1");
        assertThat(alert.values()).containsEntry("triggered_metric_value", "12");
    }
}
