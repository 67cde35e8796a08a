package dev.threeam.alert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenericParserTest {

    private final GenericParser parser = new GenericParser();

    private List<Alert> parse(String json) {
        return parser.parse(json.getBytes(UTF_8));
    }

    @Test
    void a_full_alert_keeps_every_field() {
        Alert alert = parser.parse(Corpus.read("generic-contracts-cost-per-document.json")).get(0);

        assertThat(alert.source()).isEqualTo("generic");
        assertThat(alert.workflow()).isEqualTo("contract-review");
        assertThat(alert.title()).isEqualTo("Per-document review cost $1.84 vs $0.40 budget");
        assertThat(alert.fingerprint()).isEqualTo("0e8d7407bb7443b6");
        assertThat(alert.labels()).containsEntry("failure_type", "cost_failure").containsEntry("model", "gpt-4.1");
        assertThat(alert.values()).containsEntry("value", "1.84").containsEntry("threshold", "0.4");
        assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-11-13T11:20:00Z"));
        assertThat(alert.severity().id()).isEqualTo("warning");
    }

    @Test
    void only_the_title_is_required_and_the_rest_has_defaults() {
        Alert alert = parse("{\"title\":\"Faithfulness 0.71 < 0.85\",\"unknown\":{\"ignored\":true}}").get(0);

        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.groupKey()).isNull();
        assertThat(alert.workflow()).isNull();
        assertThat(alert.fingerprint()).hasSize(16).matches("[0-9a-f]+");
    }

    @Test
    void the_default_fingerprint_is_stable_over_label_order_and_differs_by_workflow_title_and_labels() {
        String fingerprint = parse("{\"workflow\":\"w\",\"title\":\"t\",\"labels\":{\"a\":\"1\",\"b\":\"2\"}}")
                .get(0).fingerprint();

        assertThat(parse("{\"title\":\"t\",\"labels\":{\"b\":\"2\",\"a\":\"1\"},\"workflow\":\"w\"}").get(0).fingerprint())
                .isEqualTo(fingerprint);
        assertThat(parse("{\"workflow\":\"x\",\"title\":\"t\",\"labels\":{\"a\":\"1\",\"b\":\"2\"}}").get(0).fingerprint())
                .isNotEqualTo(fingerprint);
        assertThat(parse("{\"workflow\":\"w\",\"title\":\"u\",\"labels\":{\"a\":\"1\",\"b\":\"2\"}}").get(0).fingerprint())
                .isNotEqualTo(fingerprint);
        assertThat(parse("{\"workflow\":\"w\",\"title\":\"t\",\"labels\":{\"a\":\"1\"}}").get(0).fingerprint())
                .isNotEqualTo(fingerprint);
    }

    @Test
    void an_array_gives_one_alert_per_item_with_group_key_and_status() {
        List<Alert> alerts = parse("""
                [{"title":"a","group_key":"g","status":"resolved"},{"title":"b","group_key":"g"}]""");

        assertThat(alerts).extracting(Alert::groupKey).containsExactly("g", "g");
        assertThat(alerts).extracting(Alert::status).containsExactly(AlertStatus.RESOLVED, AlertStatus.FIRING);
    }

    @Test
    void bad_items_are_refused_with_their_index_and_field() {
        assertThatThrownBy(() -> parse("[{\"title\":\"a\"},{\"title\":\"b\"},{\"title\":\" \"}]"))
                .hasMessage("[2].title: required");
        assertThatThrownBy(() -> parse("{\"title\":\"a\",\"status\":\"pending\"}"))
                .hasMessage("status: expected \"firing\" or \"resolved\", got \"pending\"");
        assertThatThrownBy(() -> parse("[{\"title\":\"a\",\"labels\":\"x\"}]"))
                .hasMessage("[0].labels: expected an object, got \"x\"");
        assertThatThrownBy(() -> parse("{\"title\":\"a\",\"annotations\":{\"d\":[1]}}"))
                .hasMessage("annotations.d: expected a string, number or boolean, got an array");
        assertThatThrownBy(() -> parse("{\"title\":\"a\",\"value\":\"high\"}"))
                .hasMessage("value: expected a number, got \"high\"");
        assertThatThrownBy(() -> parse("{\"title\":\"a\",\"starts_at\":\"28/11/2026\"}"))
                .hasMessage("starts_at: expected an ISO-8601 time like 2026-11-28T01:40:00Z, got \"28/11/2026\"");
        assertThatThrownBy(() -> parse("{\"title\":[\"a\"]}")).hasMessage("title: expected a string, got an array");
        assertThatThrownBy(() -> parse("[]")).hasMessage("body: expected at least one alert");
        assertThatThrownBy(() -> parse("\"alert\"")).hasMessage(
                "body: expected an alert object or an array of them, got \"alert\"");
        assertThatThrownBy(() -> parse("[1]")).hasMessage("[0]: expected an object, got 1");
    }

    @Test
    void more_than_a_thousand_alerts_are_refused() {
        String many = "[" + "{\"title\":\"t\"},".repeat(1000) + "{\"title\":\"t\"}]";

        assertThatThrownBy(() -> parse(many)).hasMessage("body: 1001 items, at most 1000 accepted");
    }

    @Test
    void long_strings_are_cut_at_ten_thousand_characters() {
        Alert alert = parse("{\"title\":\"" + "x".repeat(20_000) + "\",\"labels\":{\"k\":\"" + "y".repeat(10_001) + "\"}}")
                .get(0);

        assertThat(alert.title()).hasSize(10_000 + "…[truncated]".length()).endsWith("x…[truncated]");
        assertThat(alert.labels().get("k")).endsWith("…[truncated]");
    }
}
