package dev.threeam.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The group labels of an Alertmanager groupKey, as Go writes a label set, become the silence's matchers. */
class SilenceMatchersTest {

    @Test
    void a_group_key_label_set_reads_with_escaped_quotes_and_commas_inside_values() {
        assertThat(SilenceMatchers.parse("alertname=\"RagRecallLow\", workflow=\"support-chat\""))
                .containsExactly(Map.entry("alertname", "RagRecallLow"), Map.entry("workflow", "support-chat"));
        assertThat(SilenceMatchers.parse("summary=\"a \\\"quoted\\\" word, and more\"")).containsExactly(Map.entry("summary", "a \"quoted\" word, and more"));
    }

    @Test
    void what_does_not_read_as_a_label_set_gives_no_matchers() {
        assertThat(SilenceMatchers.parse("")).isEmpty();
        assertThat(SilenceMatchers.parse("alertname")).isEmpty();
        assertThat(SilenceMatchers.parse("alertname=\"unterminated")).isEmpty();
    }
}
