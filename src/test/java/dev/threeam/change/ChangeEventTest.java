package dev.threeam.change;

import static dev.threeam.change.ChangeTestData.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threeam.common.BadInputException;
import org.junit.jupiter.api.Test;

class ChangeEventTest {

    @Test
    void required_fields_are_refused_by_name_when_blank() {
        assertThatThrownBy(() -> ChangeEvent.fromApi(" ", ChangeKind.PROMPT, "s", null, null, null, null, NOW))
                .isInstanceOf(BadInputException.class).hasMessage("workflow: required");
        assertThatThrownBy(() -> ChangeEvent.fromApi("w", ChangeKind.PROMPT, null, null, null, null, null, NOW))
                .isInstanceOf(BadInputException.class).hasMessage("summary: required");
        assertThatThrownBy(() -> ChangeEvent.fromApi("w", null, "s", null, null, null, null, NOW))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("kind: required; expected one of prompt,");
    }

    @Test
    void text_is_stripped_and_blank_optional_fields_become_null() {
        ChangeEvent change = ChangeEvent.fromApi(" support-answers ", ChangeKind.PROMPT, " v42 ", "", "  ", null, null, NOW);

        assertThat(change.workflow()).isEqualTo("support-answers");
        assertThat(change.summary()).isEqualTo("v42");
        assertThat(change.from()).isNull();
        assertThat(change.to()).isNull();
    }

    @Test
    void over_long_free_text_is_cut_with_a_marker() {
        ChangeEvent change = ChangeTestData.aChange().summary("x".repeat(5000)).build();

        assertThat(change.summary()).hasSize(ChangeEvent.MAX_TEXT).endsWith("…[truncated]");
        assertThat(change.withId(1).summary()).isEqualTo(change.summary());
    }

    @Test
    void an_over_long_workflow_is_refused_rather_than_cut() {
        assertThatThrownBy(() -> ChangeTestData.aChange().workflow("w".repeat(201)).build())
                .isInstanceOf(BadInputException.class).hasMessage("workflow: longer than 200 characters");
    }

    @Test
    void url_must_be_an_http_link() {
        assertThatThrownBy(() -> ChangeEvent.fromApi("w", ChangeKind.DEPLOY, "s", null, null, null, "javascript:alert(1)", NOW))
                .isInstanceOf(BadInputException.class)
                .hasMessage("url: expected an http(s) link of at most 2000 characters, got \"javascript:alert(1)\"");
        assertThat(ChangeEvent.fromApi("w", ChangeKind.DEPLOY, "s", null, null, null, "https://ci/1", NOW).url())
                .isEqualTo("https://ci/1");
    }

    @Test
    void source_is_api_or_langfuse() {
        assertThatThrownBy(() -> new ChangeEvent(null, "w", ChangeKind.DEPLOY, "s", null, null, null, null, NOW, "github", null))
                .isInstanceOf(BadInputException.class).hasMessage("source: expected api or langfuse, got \"github\"");
    }
}
