package dev.threeam.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.testing.FakeSlack;
import dev.threeam.testing.TestApp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample of the shared corpus through the real HTTP endpoints, with the example runbooks loaded: each opens
 * exactly one incident, of the expected failure type and workflow. Prints accuracy per failure type.
 */
class CorpusThroughHttpTest {

    @TempDir
    Path dir;

    @Test
    void every_corpus_alert_opens_one_incident_of_the_right_type_and_workflow() throws Exception {
        Path corpus = Path.of("").toAbsolutePath().getParent().resolve("shared/corpus/alerts");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus + " (it lives in ../shared/corpus beside the checkout)");
        JsonNode expected = Json.mapper().readTree(corpus.resolve("expected.json").toFile());
        Map<String, int[]> byType = new TreeMap<>();
        int typeRight = 0;
        int workflowRight = 0;
        StringBuilder misses = new StringBuilder();
        try (FakeSlack slack = new FakeSlack(Map.of()); TestApp app = TestApp.start(TestApp.settings(slack, dir))) {
            for (JsonNode sample : expected) {
                String body = Files.readString(corpus.resolve(sample.get("file").asText()));
                HttpResponse<String> response = app.post(sample.get("endpoint").asText(), body);
                assertThat(response.statusCode()).as(sample.get("file").asText()).isEqualTo(202);
                List<String> incidents = Json.mapper().convertValue(Json.mapper().readTree(response.body()).get("incidents"),
                        Json.mapper().getTypeFactory().constructCollectionType(List.class, String.class));
                assertThat(incidents).as(sample.get("file").asText() + " opens exactly one incident").hasSize(1);
                JsonNode incident = Json.mapper().readTree(app.get("/api/incidents/" + incidents.get(0)).body());
                String wantType = sample.get("expected_failure_type").asText();
                String wantWorkflow = sample.get("expected_workflow").isNull() ? null : sample.get("expected_workflow").asText();
                String gotWorkflow = incident.get("workflow").isNull() ? null : incident.get("workflow").asText();
                int[] counts = byType.computeIfAbsent(wantType, type -> new int[2]);
                counts[1]++;
                if (incident.get("failure_type").asText().equals(wantType)) {
                    counts[0]++;
                    typeRight++;
                } else {
                    misses.append("\n  ").append(sample.get("file").asText()).append(": ").append(incident.get("failure_type").asText())
                            .append(" (expected ").append(wantType).append(")");
                }
                if (java.util.Objects.equals(wantWorkflow, gotWorkflow)) {
                    workflowRight++;
                } else {
                    misses.append("\n  ").append(sample.get("file").asText()).append(": workflow ").append(gotWorkflow)
                            .append(" (expected ").append(wantWorkflow).append(")");
                }
            }
        }
        int total = expected.size();
        StringBuilder report = new StringBuilder("Corpus through HTTP: failure type " + typeRight + "/" + total + ", workflow " + workflowRight + "/" + total);
        byType.forEach((type, counts) -> report.append("\n  ").append(type).append(": ").append(counts[0]).append("/").append(counts[1]));
        System.out.println(report.append(misses));
        assertThat(typeRight * 100.0 / total).as(report.toString()).isGreaterThanOrEqualTo(95.0);
        byType.forEach((type, counts) -> assertThat(counts[0] * 100.0 / counts[1]).as(type).isGreaterThanOrEqualTo(85.0));
        assertThat(workflowRight * 100.0 / total).as(report.toString()).isGreaterThanOrEqualTo(95.0);
    }
}
