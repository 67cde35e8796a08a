package dev.threeam.action;

import static dev.threeam.action.PagerDutyPagerTest.json;
import static dev.threeam.action.Rollbacks.rollback;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagdFlagProviderTest {

    static final Path CORPUS_FLAGS = Path.of("/work/shared/corpus/runbooks/flags/flags.json");

    @TempDir
    Path runbooks;

    private Path flags;
    private JsonNode before;

    @BeforeEach
    void copyTheCorpusFlagFile() throws IOException {
        flags = runbooks.resolve("flags/flags.json");
        Files.createDirectories(flags.getParent());
        Files.copy(CORPUS_FLAGS, flags);
        before = json(Files.readString(flags));
    }

    private RollbackResult roll(String flag, String variant) {
        return new FlagdFlagProvider(runbooks).apply(rollback("flagd",
                Map.of("file", "flags/flags.json", "flag", flag, "variant", variant)));
    }

    @Test
    void the_flag_serves_the_variant_to_everyone_and_nothing_else_changes() throws IOException {
        RollbackResult result = roll("codeassist.model-route", "previous");

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.DONE);
        assertThat(result.detail()).contains("codeassist.model-route", "\"previous\"", "targeting removed");
        JsonNode after = json(Files.readString(flags));
        JsonNode flag = after.path("flags").path("codeassist.model-route");
        assertThat(flag.path("defaultVariant").asText()).isEqualTo("previous");
        assertThat(flag.has("targeting")).isFalse();
        assertThat(flag.path("variants")).isEqualTo(before.path("flags").path("codeassist.model-route").path("variants"));
        assertThat(after.path("flags").path("contracts.model-route")).isEqualTo(before.path("flags").path("contracts.model-route"));
        assertThat(after.path("flags").path("supportchat.model-route"))
                .isEqualTo(before.path("flags").path("supportchat.model-route"));
        assertThat(after.path("$schema")).isEqualTo(before.path("$schema"));
    }

    @Test
    void field_order_is_kept_and_no_temp_file_is_left_behind() throws IOException {
        roll("contracts.model-route", "previous");

        JsonNode after = json(Files.readString(flags));
        assertThat(fieldNames(after)).containsExactly("$schema", "flags");
        assertThat(fieldNames(after.path("flags")))
                .containsExactly("contracts.model-route", "codeassist.model-route", "supportchat.model-route");
        assertThat(fieldNames(after.path("flags").path("contracts.model-route")))
                .containsExactly("state", "variants", "defaultVariant");
        try (Stream<Path> files = Files.list(flags.getParent())) {
            assertThat(files).containsExactly(flags);
        }
    }

    @Test
    void an_absolute_file_is_used_as_it_is() throws IOException {
        RollbackResult result = new FlagdFlagProvider(Path.of("/nowhere")).apply(rollback("flagd",
                Map.of("file", flags.toString(), "flag", "supportchat.model-route", "variant", "previous")));

        assertThat(result.isDone()).isTrue();
        assertThat(json(Files.readString(flags)).path("flags").path("supportchat.model-route")
                .path("defaultVariant").asText()).isEqualTo("previous");
    }

    @Test
    void an_unknown_variant_fails_and_leaves_the_file_alone() throws IOException {
        String original = Files.readString(flags);

        RollbackResult result = roll("codeassist.model-route", "ancient");

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.FAILED);
        assertThat(result.detail()).contains("no variant \"ancient\"", "codeassist.model-route");
        assertThat(Files.readString(flags)).isEqualTo(original);
    }

    @Test
    void a_missing_flag_fails_naming_it() throws IOException {
        String original = Files.readString(flags);

        RollbackResult result = roll("support.model-route", "previous");

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.FAILED);
        assertThat(result.detail()).contains("no flag support.model-route in");
        assertThat(Files.readString(flags)).isEqualTo(original);
    }

    @Test
    void a_missing_file_fails_naming_it() {
        RollbackResult result = new FlagdFlagProvider(runbooks).apply(rollback("flagd",
                Map.of("file", "flags/other.json", "flag", "x", "variant", "previous")));

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.FAILED);
        assertThat(result.detail()).contains("flags/other.json", "does not exist");
    }

    @Test
    void a_file_that_is_not_json_fails_and_is_left_alone() throws IOException {
        Files.writeString(flags, "{\"flags\": {");

        RollbackResult result = roll("contracts.model-route", "previous");

        assertThat(result.detail()).contains("is not valid JSON");
        assertThat(Files.readString(flags)).isEqualTo("{\"flags\": {");
    }

    @Test
    void describe_names_the_flag_the_variant_and_the_file() {
        assertThat(new FlagdFlagProvider(runbooks).describe(rollback("flagd",
                Map.of("file", "flags/flags.json", "flag", "support.model-route", "variant", "previous"))))
                .isEqualTo("flagd: serve variant \"previous\" of support.model-route to everyone (targeting removed)"
                        + " in flags/flags.json");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void in_sandbox_mode_rollbacks_edit_one_copy_in_another_folder_and_the_runbooks_file_stays_as_it_was(@TempDir Path work)
            throws IOException {
        FlagdFlagProvider sandbox = new FlagdFlagProvider(runbooks).editingCopiesIn(work.resolve("sandbox-flags"));
        Path copy = work.resolve("sandbox-flags/flags/flags.json");
        var first = rollback("flagd", Map.of("file", "flags/flags.json", "flag", "codeassist.model-route", "variant", "previous"));
        var second = rollback("flagd", Map.of("file", "flags/flags.json", "flag", "contracts.model-route", "variant", "previous"));

        assertThat(sandbox.describe(first)).startsWith("flagd (sandbox copy): serve variant \"previous\"").contains(copy.toString());
        RollbackResult done = sandbox.apply(first);
        sandbox.apply(second);

        assertThat(done.outcome()).isEqualTo(RollbackResult.Outcome.DONE);
        assertThat(done.detail()).contains("in " + copy).contains(flags + " is unchanged");
        assertThat(json(Files.readString(flags))).isEqualTo(before);
        JsonNode copied = json(Files.readString(copy));
        assertThat(copied.path("flags").path("codeassist.model-route").path("defaultVariant").asText()).isEqualTo("previous");
        assertThat(copied.path("flags").path("contracts.model-route").path("defaultVariant").asText()).isEqualTo("previous");
    }

    @Test
    void a_flag_file_outside_the_runbooks_folder_is_copied_by_its_name_never_beside_the_copies_folder(@TempDir Path work)
            throws IOException {
        Path outside = runbooks.resolve("../outside-" + runbooks.getFileName() + "/flags.json").normalize();
        Files.createDirectories(outside.getParent());
        Files.copy(CORPUS_FLAGS, outside);
        String original = Files.readString(outside);

        RollbackResult done = new FlagdFlagProvider(runbooks).editingCopiesIn(work.resolve("sandbox-flags")).apply(rollback("flagd",
                Map.of("file", "../outside-" + runbooks.getFileName() + "/flags.json", "flag", "codeassist.model-route", "variant", "previous")));

        assertThat(done.outcome()).as(done.detail()).isEqualTo(RollbackResult.Outcome.DONE);
        assertThat(work.resolve("sandbox-flags/flags.json")).exists();
        assertThat(Files.readString(outside)).isEqualTo(original);
    }
}
