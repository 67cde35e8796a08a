package dev.threeam.alert;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertParsersTest {

    private static final Map<String, String> SOURCE_BY_ENDPOINT = Map.of(
            "/alerts/alertmanager", "alertmanager", "/alerts/grafana", "grafana", "/alerts/datadog", "datadog",
            "/alerts/langsmith", "langsmith", "/alerts", "generic");

    private final AlertParsers parsers = new AlertParsers();

    @Test
    void every_corpus_payload_parses_from_its_endpoint_into_at_least_one_firing_alert() throws IOException {
        JsonNode expected = Json.mapper().readTree(Corpus.alerts().resolve("expected.json").toFile());

        for (JsonNode item : expected) {
            String source = SOURCE_BY_ENDPOINT.get(item.get("endpoint").asText());
            List<Alert> alerts = parsers.parse(source,
                    Files.readAllBytes(Corpus.alerts().resolve(item.get("file").asText())));

            assertThat(alerts).as(item.get("file").asText()).anyMatch(Alert::firing)
                    .allMatch(alert -> alert.source().equals(source));
        }
    }

    @Test
    void the_sources_are_the_five_endpoints() {
        assertThat(parsers.sources()).containsExactly("alertmanager", "grafana", "datadog", "langsmith", "generic");
    }

    @Test
    void an_unknown_source_is_refused() {
        assertThatThrownBy(() -> parsers.parse("pagerduty", "{}".getBytes(UTF_8)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("source: unknown alert source \"pagerduty\", expected one of "
                        + "alertmanager, grafana, datadog, langsmith, generic");
    }

    @Test
    void empty_and_malformed_bodies_are_refused_before_any_parser_runs() {
        assertThatThrownBy(() -> parsers.parse("generic", new byte[0])).hasMessage("body: empty, expected JSON");
        assertThatThrownBy(() -> parsers.parse("generic", "  \n".getBytes(UTF_8))).hasMessage("body: empty, expected JSON");
        assertThatThrownBy(() -> parsers.parse("generic", "{\"title\":".getBytes(UTF_8)))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("body: not valid JSON");
        assertThatThrownBy(() -> parsers.parse("generic", "{\"title\":\"a\"} trailing".getBytes(UTF_8)))
                .hasMessageStartingWith("body: not valid JSON");
    }

    @Test
    void nesting_deeper_than_the_json_limit_is_refused_as_invalid_json() {
        String deep = "{\"title\":\"a\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";

        assertThatThrownBy(() -> parsers.parse("generic", deep.getBytes(UTF_8)))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("body: not valid JSON");
    }
}
