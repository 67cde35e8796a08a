package dev.threeam.alert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threeam.common.BadInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertmanagerParserTest {

    private final AlertmanagerParser parser = new AlertmanagerParser();

    private List<Alert> parse(String json) {
        return parser.parse(json.getBytes(UTF_8));
    }

    @Test
    void each_alert_of_a_group_becomes_one_alert_with_its_own_fingerprint() {
        List<Alert> alerts = parser.parse(Corpus.read("am-codegen-embedding-server-down.json"));

        assertThat(alerts).extracting(Alert::fingerprint).containsExactly("814a6a74b822c359", "10952c564be61756");
        Alert first = alerts.get(0);
        assertThat(first.source()).isEqualTo("alertmanager");
        assertThat(first.groupKey()).isEqualTo("{}:{alertname=\"EmbeddingServerDown\", app=\"codegen\"}");
        assertThat(first.title()).isEqualTo("Embedding server tei-embed-0 down for 5m");
        assertThat(first.severity().id()).isEqualTo("critical");
        assertThat(first.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(first.startsAt()).isEqualTo(Instant.parse("2026-11-06T23:51:00.190255696Z"));
        assertThat(first.labels()).containsEntry("instance", "tei-embed-0.tei-embed:8080");
        assertThat(first.url()).startsWith("http://prometheus-k8s-0.observability.svc:9090/graph?g0.expr=up")
                .endsWith("&g0.tab=1");
        assertThat(first.workflow()).isNull();
    }

    @Test
    void each_alert_is_decided_by_its_own_status_never_the_groups() {
        List<Alert> alerts = parse("""
                {"status":"firing","groupKey":"g","alerts":[
                  {"status":"firing","labels":{"alertname":"A"},"fingerprint":"f1"},
                  {"status":"resolved","labels":{"alertname":"A"},"fingerprint":"f2"}]}""");

        assertThat(alerts).extracting(Alert::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
    }

    @Test
    void common_labels_and_annotations_fill_in_under_the_alerts_own() {
        Alert alert = parse("""
                {"alerts":[{"status":"firing","fingerprint":"f","labels":{"alertname":"A","severity":"info"},
                            "annotations":{"summary":"own summary"}}],
                 "commonLabels":{"severity":"critical","team":"ml"},
                 "commonAnnotations":{"summary":"common summary","description":"shared"}}""").get(0);

        assertThat(alert.labels()).containsEntry("severity", "info").containsEntry("team", "ml");
        assertThat(alert.severity().id()).isEqualTo("info");
        assertThat(alert.annotations()).containsEntry("summary", "own summary").containsEntry("description", "shared");
    }

    @Test
    void without_a_summary_the_title_is_the_alertname_with_useful_labels() {
        Alert alert = parse("""
                {"alerts":[{"status":"firing","fingerprint":"f",
                  "labels":{"alertname":"RagRecallLow","service":"rag","instance":"i-1","severity":"p1"}}]}""").get(0);

        assertThat(alert.title()).isEqualTo("RagRecallLow (service=rag, instance=i-1)");
        assertThat(alert.severity().id()).isEqualTo("critical");
    }

    @Test
    void the_zero_end_time_and_an_empty_generator_url_are_ignored() {
        Alert alert = parser.parse(Corpus.read("am-helpdesk-anthropic-overloaded.json")).get(0);

        assertThat(alert.url()).isNull();
        assertThat(alert.labels()).containsEntry("ai_failure_type", "provider_outage");
    }

    @Test
    void an_alert_without_a_fingerprint_gets_a_stable_one_from_its_labels() {
        String body = """
                {"alerts":[{"status":"firing","labels":{"alertname":"A","b":"1","a":"2"}}]}""";
        String reordered = """
                {"alerts":[{"status":"firing","labels":{"a":"2","alertname":"A","b":"1"}}]}""";

        assertThat(parse(body).get(0).fingerprint()).hasSize(16).isEqualTo(parse(reordered).get(0).fingerprint());
    }

    @Test
    void labels_that_are_not_an_object_are_refused_with_their_place() {
        assertThatThrownBy(() -> parse("""
                {"alerts":[{"status":"firing"},{"status":"firing"},{"status":"firing"},
                           {"status":"firing","labels":"x"}]}"""))
                .isInstanceOf(BadInputException.class)
                .hasMessage("alerts[3].labels: expected an object, got \"x\"");
    }

    @Test
    void bad_shapes_are_refused_with_the_field_named() {
        assertThatThrownBy(() -> parse("{}")).hasMessage("alerts: required");
        assertThatThrownBy(() -> parse("{\"alerts\":{}}")).hasMessage("alerts: expected an array, got an object");
        assertThatThrownBy(() -> parse("{\"alerts\":[]}")).hasMessage("alerts: expected at least one alert");
        assertThatThrownBy(() -> parse("{\"alerts\":[1]}")).hasMessage("alerts[0]: expected an object, got 1");
        assertThatThrownBy(() -> parse("{\"alerts\":[{}]}")).hasMessage("alerts[0].status: required");
        assertThatThrownBy(() -> parse("{\"alerts\":[{\"status\":\"pending\"}]}"))
                .hasMessage("alerts[0].status: expected \"firing\" or \"resolved\", got \"pending\"");
        assertThatThrownBy(() -> parse("{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":{\"b\":1}}}]}"))
                .hasMessage("alerts[0].labels.a: expected a string, number or boolean, got an object");
        assertThatThrownBy(() -> parse("{\"alerts\":[{\"status\":\"firing\",\"startsAt\":\"yesterday\"}]}"))
                .hasMessage("alerts[0].startsAt: expected an ISO-8601 time like 2026-11-28T01:40:00Z, got \"yesterday\"");
        assertThatThrownBy(() -> parse("{\"commonLabels\":[],\"alerts\":[{\"status\":\"firing\"}]}"))
                .hasMessage("commonLabels: expected an object, got an array");
    }

    @Test
    void more_than_a_thousand_alerts_are_refused() {
        String many = "{\"alerts\":[" + "{\"status\":\"firing\"},".repeat(1000) + "{\"status\":\"firing\"}]}";

        assertThatThrownBy(() -> parse(many)).hasMessage("alerts: 1001 items, at most 1000 accepted");
    }
}
