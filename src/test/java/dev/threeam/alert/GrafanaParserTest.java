package dev.threeam.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrafanaParserTest {

    private final GrafanaParser parser = new GrafanaParser();

    @Test
    void values_value_string_and_dashboard_links_are_kept() {
        Alert alert = parser.parse(Corpus.read("grafana-clause-recall-at-10.json")).get(0);

        assertThat(alert.source()).isEqualTo("grafana");
        assertThat(alert.values()).containsEntry("B", "0.58").containsEntry("C", "1");
        assertThat(alert.annotations().get("value_string")).startsWith("[ var='B' labels={eval_set=golden-clauses-300");
        assertThat(alert.annotations()).containsEntry("dashboard_url", "https://grafana.example.net/d/rag-quality?orgId=1")
                .containsKey("panel_url").containsKey("silence_url");
        assertThat(alert.title()).isEqualTo("recall@10 on golden clause set 0.58 (was 0.86)");
        assertThat(alert.url()).isEqualTo("https://grafana.example.net/alerting/grafana/c8f1u2rag0a/view?orgId=1");
        assertThat(alert.groupKey()).contains("Clause retrieval recall@10 drop");
        assertThat(alert.severity().id()).isEqualTo("warning");
    }

    @Test
    void an_older_grafana_alert_with_only_a_value_string_parses() {
        Alert alert = parser.parse("""
                {"alerts":[{"status":"resolved","fingerprint":"f","labels":{"alertname":"A"},
                            "valueString":"[ var='A' value=3 ]","panelURL":"https://g/d/x?viewPanel=1"}]}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0);

        assertThat(alert.values()).isEmpty();
        assertThat(alert.annotations()).containsEntry("value_string", "[ var='A' value=3 ]");
        assertThat(alert.url()).isEqualTo("https://g/d/x?viewPanel=1");
        assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
    }
}
