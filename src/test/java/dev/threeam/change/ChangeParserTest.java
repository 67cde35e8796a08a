package dev.threeam.change;

import static dev.threeam.change.ChangeTestData.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threeam.common.BadInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeParserTest {

    private final ChangeParser parser = new ChangeParser(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void one_object_becomes_one_change_with_every_field() {
        List<ChangeEvent> changes = parser.parse("""
                {"workflow":"support-answers","kind":"prompt","summary":"Prompt v42: shorter refusals",
                 "from":"v41","to":"v42","author":"dana","url":"https://git/42","at":"2026-11-28T01:40:00Z"}""");

        assertThat(changes).containsExactly(new ChangeEvent(null, "support-answers", ChangeKind.PROMPT,
                "Prompt v42: shorter refusals", "v41", "v42", "dana", "https://git/42",
                Instant.parse("2026-11-28T01:40:00Z"), ChangeEvent.SOURCE_API, null));
    }

    @Test
    void an_array_keeps_its_order_and_at_defaults_to_now() {
        List<ChangeEvent> changes = parser.parse("""
                [{"workflow":"a","kind":"deploy","summary":"api 1.4"},
                 {"workflow":"b","kind":"model_route","summary":"gpt-5 to gpt-5-mini","at":"2026-11-28T03:10:00+02:00"}]""");

        assertThat(changes).extracting(ChangeEvent::workflow).containsExactly("a", "b");
        assertThat(changes.get(0).at()).isEqualTo(NOW);
        assertThat(changes.get(1).at()).isEqualTo(Instant.parse("2026-11-28T01:10:00Z"));
    }

    @Test
    void an_unknown_kind_names_index_and_the_kinds_expected() {
        assertThatThrownBy(() -> parser.parse("""
                [{"workflow":"a","kind":"deploy","summary":"s"},{"workflow":"a","kind":"deploy","summary":"s"},
                 {"workflow":"a","kind":"promt","summary":"s"}]"""))
                .isInstanceOf(BadInputException.class)
                .hasMessage("[2].kind: unknown change kind \"promt\"; expected one of prompt, model_route, "
                        + "retrieval_index, tool_schema, data_source, feature_flag, deploy");
    }

    @Test
    void a_single_object_names_the_field_without_an_index() {
        assertThatThrownBy(() -> parser.parse("{\"workflow\":\"a\",\"kind\":\"deploy\"}"))
                .isInstanceOf(BadInputException.class).hasMessage("summary: required");
    }

    @Test
    void missing_required_fields_name_field_and_index() {
        assertThatThrownBy(() -> parser.parse("[{\"workflow\":\"a\",\"kind\":\"deploy\",\"summary\":\"s\"},{\"kind\":\"deploy\",\"summary\":\"s\"}]"))
                .isInstanceOf(BadInputException.class).hasMessage("[1].workflow: required");
        assertThatThrownBy(() -> parser.parse("[{\"workflow\":\"a\",\"summary\":\"s\"}]"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("[0].kind: required; expected one of prompt");
    }

    @Test
    void wrong_types_name_field_index_and_value() {
        assertThatThrownBy(() -> parser.parse("[{\"workflow\":\"a\",\"kind\":\"deploy\",\"summary\":42}]"))
                .isInstanceOf(BadInputException.class).hasMessage("[0].summary: expected a string, got 42");
        assertThatThrownBy(() -> parser.parse("{\"workflow\":{\"name\":\"a\"},\"kind\":\"deploy\",\"summary\":\"s\"}"))
                .isInstanceOf(BadInputException.class).hasMessage("workflow: expected a string, got an object");
        assertThatThrownBy(() -> parser.parse("[{\"workflow\":\"a\",\"kind\":\"deploy\",\"summary\":\"s\",\"at\":\"yesterday\"}]"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("[0].at: expected an ISO-8601 time like 2026-11-28T01:40:00Z, got \"yesterday\"");
    }

    @Test
    void items_that_are_not_objects_are_refused_by_index() {
        assertThatThrownBy(() -> parser.parse("[{\"workflow\":\"a\",\"kind\":\"deploy\",\"summary\":\"s\"}, \"x\"]"))
                .isInstanceOf(BadInputException.class).hasMessage("[1]: expected a change object, got \"x\"");
        assertThatThrownBy(() -> parser.parse("42"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("body: expected a change object or an array of them, got 42");
    }

    @Test
    void malformed_or_empty_json_says_so_and_where() {
        assertThatThrownBy(() -> parser.parse("{\"workflow\": \"a\",}"))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("body: not valid JSON at line 1, column ");
        assertThatThrownBy(() -> parser.parse(""))
                .isInstanceOf(BadInputException.class)
                .hasMessage("body: expected a change object or an array of them, got nothing");
    }

    @Test
    void more_than_a_thousand_items_are_refused() {
        String item = "{\"workflow\":\"a\",\"kind\":\"deploy\",\"summary\":\"s\"}";
        String body = "[" + String.join(",", java.util.Collections.nCopies(1001, item)) + "]";

        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOf(BadInputException.class).hasMessage("body: 1001 changes in one request; at most 1000");
        assertThat(parser.parse(body.replaceFirst(java.util.regex.Pattern.quote(item + ","), ""))).hasSize(1000);
    }

    @Test
    void unknown_fields_are_ignored_and_numeric_versions_read_as_text() {
        List<ChangeEvent> changes = parser.parse("""
                {"workflow":"a","kind":"tool_schema","summary":"search tool v3","from":2,"to":3,"ticket":"OPS-1"}""");

        assertThat(changes.get(0).from()).isEqualTo("2");
        assertThat(changes.get(0).to()).isEqualTo("3");
    }

    @Test
    void an_over_long_summary_is_truncated_not_refused() {
        List<ChangeEvent> changes = parser.parse(
                "{\"workflow\":\"a\",\"kind\":\"deploy\",\"summary\":\"" + "s".repeat(3000) + "\"}");

        assertThat(changes.get(0).summary()).hasSize(2000).endsWith("[truncated]");
    }

    @Test
    void an_empty_array_records_nothing() {
        assertThat(parser.parse("[]")).isEmpty();
    }
}
