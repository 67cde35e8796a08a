package dev.threeam.change;

import static dev.threeam.change.ChangeTestData.aChange;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChangeTextTest {

    @Test
    void one_line_is_kind_and_summary() {
        assertThat(ChangeText.oneLine(aChange().summary("Prompt v42: shorter refusals").build()))
                .isEqualTo("prompt: Prompt v42: shorter refusals");
    }

    @Test
    void one_line_folds_line_breaks_and_can_be_cut_for_a_button() {
        ChangeEvent change = aChange().kind(ChangeKind.RETRIEVAL_INDEX).summary("kb-2026-11-28\nrebuilt " + "x".repeat(100))
                .build();

        assertThat(ChangeText.oneLine(change)).startsWith("retrieval_index: kb-2026-11-28 rebuilt xxx");
        assertThat(ChangeText.oneLine(change, 75)).hasSize(75).endsWith("x…");
    }

    @Test
    void the_description_says_who_what_from_to_and_when() {
        ChangeEvent change = aChange().author("dana").versions("v41", "v42")
                .at(Instant.parse("2026-11-28T01:40:00Z")).build();

        assertThat(ChangeText.description(change)).isEqualTo(
                "dana changed prompt of support-answers: Prompt v42: shorter refusals (v41 → v42), 2026-11-28 01:40 UTC");
    }

    @Test
    void the_description_copes_with_what_it_does_not_know() {
        ChangeEvent change = aChange().kind(ChangeKind.DEPLOY).summary("api 1.4").fromLangfuse("e1")
                .at(Instant.parse("2026-11-28T01:40:00Z")).build();

        assertThat(ChangeText.description(change))
                .isEqualTo("Someone changed deploy of support-answers: api 1.4, 2026-11-28 01:40 UTC, via Langfuse");
        assertThat(ChangeText.description(aChange().versions(null, "v42").build())).contains("(to v42)");
    }
}
