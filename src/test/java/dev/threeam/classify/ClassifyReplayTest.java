package dev.threeam.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertParsers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --classify}: a labelled corpus folder and stored examples replayed through parsers, runbooks and rules. */
class ClassifyReplayTest {

    private static final String RECALL = "{\"workflow\":\"docs-qa\",\"title\":\"Recall@5 0.41 on the golden set\"}";
    private static final String SPEND = "{\"title\":\"LLM spend $900 today vs $300 budget\"}";
    private static final String DISK = "{\"receiver\":\"x\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\","
            + "\"labels\":{\"alertname\":\"NodeFilesystemAlmostOutOfSpace\",\"instance\":\"node-3\"},"
            + "\"annotations\":{\"summary\":\"Filesystem on /var has 3% space left\"},\"fingerprint\":\"a1\"}]}";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Path corpus(String expected, String... files) throws IOException {
        Path alerts = Files.createDirectories(dir.resolve("corpus/alerts"));
        for (int index = 0; index < files.length; index += 2) {
            Files.writeString(alerts.resolve(files[index]), files[index + 1]);
        }
        Files.writeString(alerts.resolve("expected.json"), expected);
        return dir.resolve("corpus");
    }

    private static String label(String file, String endpoint, String type, String workflow) {
        return "{\"file\":\"" + file + "\",\"endpoint\":\"" + endpoint + "\",\"expected_failure_type\":\"" + type
                + "\",\"expected_workflow\":" + (workflow == null ? "null" : "\"" + workflow + "\"") + "}";
    }

    private int run(List<Path> folders, double min, List<LabelledExample> stored) {
        return ClassifyReplay.run(folders, min, () -> stored, folder -> Workflows.NONE, dir.resolve("runbooks"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_corpus_read_right_prints_accuracy_per_type_and_the_confusion_table_and_exits_0() throws IOException {
        Path folder = corpus("[" + label("recall.json", "/alerts", "retrieval_failure", "docs-qa") + ","
                + label("spend.json", "/alerts", "cost_failure", null) + ","
                + label("disk.json", "/alerts/alertmanager", "unclassified", null) + "]",
                "recall.json", RECALL, "spend.json", SPEND, "disk.json", DISK);

        int exit = run(List.of(folder), 0.95, List.of());

        assertThat(exit).as(printed()).isZero();
        assertThat(printed()).contains("3 alerts replayed, 0 skipped", "confusion (rows: expected, columns: got)",
                "PASS: type 100.0%, workflow 100.0%");
        assertThat(printed()).containsPattern("retrieval_failure +1 +1 +100\\.0% +1 +100\\.0%");
        assertThat(printed()).containsPattern("unclassified +\\. +\\. +\\. +\\. +\\. +\\. +\\. +1");
    }

    @Test
    void a_wrong_type_or_workflow_is_a_miss_and_below_min_exits_1() throws IOException {
        Path folder = corpus("[" + label("recall.json", "/alerts", "cost_failure", "docs-qa") + ","
                + label("spend.json", "/alerts", "cost_failure", "billing") + "]",
                "recall.json", RECALL, "spend.json", SPEND);

        int exit = run(List.of(folder), 0.95, List.of());

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("recall.json: expected cost_failure, got retrieval_failure",
                "spend.json: workflow null, expected billing", "FAIL: type 50.0%, workflow 50.0%",
                "under 85.0%: cost_failure");
    }

    @Test
    void a_type_under_85_percent_fails_even_when_the_overall_bar_is_met() throws IOException {
        Path folder = corpus("[" + label("recall.json", "/alerts", "cost_failure", "docs-qa") + ","
                + label("spend.json", "/alerts", "cost_failure", null) + "]",
                "recall.json", RECALL, "spend.json", SPEND);

        assertThat(run(List.of(folder), 0.4, List.of())).isEqualTo(1);
        assertThat(printed()).contains("under 85.0%: cost_failure");
    }

    @Test
    void bad_corpus_files_are_named_with_their_reason_and_skipped() throws IOException {
        Path folder = corpus("[" + label("spend.json", "/alerts", "cost_failure", null) + ","
                + label("broken.json", "/alerts", "cost_failure", null) + ","
                + label("odd-type.json", "/alerts", "money_failure", null) + ","
                + "{\"file\":\"no-type.json\",\"endpoint\":\"/alerts\"},"
                + label("gone.json", "/alerts", "cost_failure", null) + ","
                + label("no-title.json", "/alerts", "cost_failure", null) + "]",
                "spend.json", SPEND, "broken.json", "{\"title\": \"half", "odd-type.json", SPEND, "no-type.json", SPEND,
                "no-title.json", "{\"severity\":\"critical\"}", "stray.json", SPEND);

        LabelledCorpus read = LabelledCorpus.read(folder, new AlertParsers());

        assertThat(read.cases()).extracting(ReplayCase::name).containsExactly("spend.json");
        assertThat(read.skipped()).extracting(Object::toString).containsExactlyInAnyOrder(
                "broken.json: not valid JSON at line 1, column 16: Unexpected end-of-input in VALUE_STRING",
                "odd-type.json: lacks its label: expected_failure_type \"money_failure\" is not one of "
                        + FailureType.allIds(),
                "no-type.json: lacks its label: no \"expected_failure_type\"",
                "gone.json: listed in expected.json but not found in " + folder.resolve("alerts"),
                "no-title.json: not a valid /alerts payload: title: required",
                "stray.json: lacks its label: not in expected.json");
        assertThat(run(List.of(folder), 0.95, List.of())).isZero();
        assertThat(printed()).contains("1 alerts replayed, 6 skipped", "skipped:", "broken.json: not valid JSON");
    }

    @Test
    void a_folder_that_is_not_a_corpus_or_nothing_to_replay_exits_2() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        assertThat(run(List.of(dir.resolve("empty")), 0.95, List.of())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a labelled corpus folder (no alerts/expected.json)");
        assertThat(run(List.of(dir.resolve("missing")), 0.95, List.of())).isEqualTo(2);
        assertThat(run(List.of(), 0.95, List.of())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nothing to replay");
        assertThat(run(List.of(), 95, List.of())).isEqualTo(2);
    }

    @Test
    void an_unreadable_expected_json_exits_2_naming_the_file() throws IOException {
        Path folder = corpus("[{\"file\":");

        assertThat(run(List.of(folder), 0.95, List.of())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(folder.resolve("alerts/expected.json") + ": not valid JSON");
    }

    @Test
    void stored_labelled_examples_are_replayed_beside_the_corpus() {
        Alert alert = new AlertParsers().parse("generic", RECALL.getBytes(StandardCharsets.UTF_8)).get(0);
        LabelledExample corrected = LabelledExample.of(alert, FailureType.QUALITY_DRIFT, "docs-qa", "U0ALICE",
                Instant.parse("2026-11-28T02:10:00Z"));

        int exit = run(List.of(), 0.95, List.of(corrected));

        assertThat(corrected.alert()).isEqualTo(alert);
        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("== stored labelled examples: 1 alerts replayed",
                "stored example (U0ALICE, 2026-11-28T02:10:00Z): expected quality_drift, got retrieval_failure");
    }

    @Test
    void the_runbooks_beside_the_alerts_decide_the_workflow() throws IOException {
        Path folder = corpus("[" + label("spend.json", "/alerts", "cost_failure", "billing-bot") + "]",
                "spend.json", SPEND);
        Files.createDirectories(folder.resolve("runbooks"));
        List<Path> asked = new java.util.ArrayList<>();

        int exit = ClassifyReplay.run(List.of(folder), 0.95, List::of, runbooks -> {
            asked.add(runbooks);
            return alert -> new WorkflowContext("billing-bot", List.of(), List.of(), List.of());
        }, dir.resolve("default-runbooks"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).as(printed()).isZero();
        assertThat(asked).containsExactly(folder.resolve("runbooks"));
    }
}
