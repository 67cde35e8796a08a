package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.alert.AlertParsers;
import dev.threeam.classify.ClassifyReplay;
import dev.threeam.classify.ConfusionTable;
import dev.threeam.classify.FailureType;
import dev.threeam.classify.LabelledCorpus;
import dev.threeam.classify.ReplayCase;
import dev.threeam.common.Json;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.TestApp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every alert of the project corpus (each folder under {@code corpus/}: {@code dev}, written beside the rules, and the
 * held-out folders their author never read) through the real HTTP endpoints, each folder with its own runbooks
 * loaded: each opens one incident whose failure type and workflow are compared with its label. The whole corpus fails
 * below 95% type or workflow, or below 85% for any type ({@code unclassified} counts as a type), naming every miss;
 * each folder's own figures are printed beside it.
 */
class ProjectCorpusThroughHttpTest {

    private static final double OVERALL = 0.95;
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    @TempDir
    Path dir;

    static List<String> folders() throws IOException {
        try (Stream<Path> folders = Files.list(Path.of("corpus"))) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("alerts/expected.json"))).map(Path::toString).sorted().toList();
        }
    }

    @Test
    void every_project_corpus_alert_opens_one_incident_of_the_right_type_and_workflow() throws Exception {
        List<String> folders = folders();
        Assumptions.assumeTrue(!folders.isEmpty(), "no corpus folders under corpus/");
        ConfusionTable all = new ConfusionTable();
        List<String> allMisses = new ArrayList<>();
        StringBuilder reports = new StringBuilder();
        for (String name : folders) {
            ConfusionTable table = new ConfusionTable();
            List<String> misses = new ArrayList<>();
            replay(name, table, misses);
            reports.append(report(name, table, misses)).append('\n');
            all.addAll(table);
            allMisses.addAll(misses);
        }
        String report = report("the project corpus", all, List.of()) + "\n" + reports;
        System.out.println(report);
        assertThat(all.accuracy()).as(report).isGreaterThanOrEqualTo(OVERALL);
        assertThat(all.workflowAccuracy()).as(report).isGreaterThanOrEqualTo(OVERALL);
        assertThat(all.typesBelow(ClassifyReplay.TYPE_FLOOR)).as(report).isEmpty();
    }

    private void replay(String name, ConfusionTable table, List<String> misses) throws Exception {
        Path folder = Path.of(name).toAbsolutePath();
        LabelledCorpus corpus = LabelledCorpus.read(folder, new AlertParsers());
        assertThat(corpus.skipped()).as("files the corpus cannot replay").isEmpty();
        try (FakeSlack slack = new FakeSlack(Map.of());
             TestApp app = TestApp.start(settings(slack, corpus.runbooks().orElseThrow(), dir.resolve(folder.getFileName())))) {
            for (LabelledCorpus.Labelled file : corpus.files()) {
                HttpResponse<String> response = app.post(file.endpoint(), new String(file.body(), StandardCharsets.UTF_8));
                assertThat(response.statusCode()).as(file.file() + ": " + response.body()).isEqualTo(202);
                JsonNode incidents = Json.mapper().readTree(response.body()).get("incidents");
                assertThat(incidents).as(file.file() + " opens exactly one incident").hasSize(1);
                JsonNode incident = Json.mapper().readTree(app.get("/api/incidents/" + incidents.get(0).asText()).body());
                record(file.replayCase(), incident, table, misses);
            }
        }
    }

    private static void record(ReplayCase expected, JsonNode incident, ConfusionTable table, List<String> misses) {
        FailureType got = FailureType.fromId(incident.get("failure_type").asText()).orElseThrow();
        String workflow = incident.get("workflow").isNull() ? null : incident.get("workflow").asText();
        boolean workflowRight = Objects.equals(workflow, expected.expectedWorkflow());
        table.add(expected.expectedType(), got, workflowRight);
        if (got != expected.expectedType()) {
            misses.add(expected.name() + ": " + got.id() + " (expected " + expected.expectedType().id() + ") — "
                    + incident.path("classification").path("evidence").asText());
        }
        if (!workflowRight) {
            misses.add(expected.name() + ": workflow " + workflow + " (expected " + expected.expectedWorkflow() + ")");
        }
    }

    private static String report(String name, ConfusionTable table, List<String> misses) {
        StringBuilder report = new StringBuilder(String.format("%s through HTTP: failure type %.1f%%, workflow %.1f%% of %d",
                name, 100 * table.accuracy(), 100 * table.workflowAccuracy(), table.total()));
        for (FailureType type : table.expectedTypes()) {
            report.append(String.format("%n  %-18s %d/%d", type.id(), table.right(type), table.total(type)));
        }
        misses.forEach(miss -> report.append("\n  miss: ").append(miss));
        return report.toString();
    }

    /** The test app with the corpus's runbooks (copied: rollbacks may edit their flag file), every variable they use set. */
    private Map<String, String> settings(FakeSlack slack, Path runbooks, Path work) throws IOException {
        Map<String, String> env = TestApp.settings(slack, Files.createDirectories(work));
        Path copy = work.resolve("corpus-runbooks");
        try (Stream<Path> files = Files.walk(runbooks)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(runbooks.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                    Matcher variable = VARIABLE.matcher(Files.readString(file));
                    while (variable.find()) {
                        env.putIfAbsent(variable.group(1), "http://127.0.0.1:9/" + variable.group(1).toLowerCase());
                    }
                }
            }
        }
        env.put("RUNBOOKS_DIR", copy.toString());
        return env;
    }
}
