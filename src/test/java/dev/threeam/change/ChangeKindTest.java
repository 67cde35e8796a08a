package dev.threeam.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeKindTest {

    @Test
    void ids_are_the_lowercase_names_of_the_contract() {
        assertThat(ChangeKind.allIds())
                .isEqualTo("prompt, model_route, retrieval_index, tool_schema, data_source, feature_flag, deploy");
    }

    @Test
    void from_id_forgives_case_blanks_and_dashes() {
        assertThat(ChangeKind.fromId("model_route")).contains(ChangeKind.MODEL_ROUTE);
        assertThat(ChangeKind.fromId(" Retrieval-Index ")).contains(ChangeKind.RETRIEVAL_INDEX);
    }

    @Test
    void from_id_finds_nothing_for_unknown_or_missing_ids() {
        assertThat(ChangeKind.fromId("promt")).isEmpty();
        assertThat(ChangeKind.fromId("")).isEmpty();
        assertThat(ChangeKind.fromId(null)).isEmpty();
    }
}
