package dev.threeam.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertParsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Classifies every payload of the shared corpus (/work/shared/corpus/alerts) as it arrives from its endpoint and
 * compares with expected.json: at least 95% overall and no failure type under 85%.
 */
class CorpusAccuracyTest {

    private static final Map<String, String> SOURCE_BY_ENDPOINT = Map.of(
            "/alerts/alertmanager", "alertmanager",
            "/alerts/grafana", "grafana",
            "/alerts/datadog", "datadog",
            "/alerts/langsmith", "langsmith",
            "/alerts", "generic");

    private final AlertParsers parsers = new AlertParsers();
    private final Classifier classifier = new Classifier();

    @Test
    void the_corpus_is_classified_as_expected() throws IOException {
        Score score = run(false);
        assertThat(score.overall()).as("overall accuracy; misses: %s", score.misses).isGreaterThanOrEqualTo(0.95);
        score.byType.forEach((type, counts) -> assertThat((double) counts[0] / counts[1])
                .as("accuracy of %s; misses: %s", type, score.misses).isGreaterThanOrEqualTo(0.85));
    }

    /** The explicit labels make some samples easy: the rules alone must still read the rest right. */
    @Test
    void the_rules_alone_classify_the_corpus_when_explicit_labels_are_removed() throws IOException {
        Score score = run(true);
        assertThat(score.overall()).as("overall accuracy without explicit labels; misses: %s", score.misses)
                .isGreaterThanOrEqualTo(0.9);
    }

    private Score run(boolean withoutExplicitLabels) throws IOException {
        Path alerts = corpus().resolve("alerts");
        Assumptions.assumeTrue(Files.isRegularFile(alerts.resolve("expected.json")),
                "corpus not found at " + alerts + "; it lives in ../shared/corpus next to the project");
        JsonNode expected = Json.mapper().readTree(alerts.resolve("expected.json").toFile());
        String run = withoutExplicitLabels ? "rules only" : "as sent";
        Score score = new Score();
        for (JsonNode item : expected) {
            String file = item.get("file").asText();
            String wanted = item.get("expected_failure_type").asText();
            String source = SOURCE_BY_ENDPOINT.get(item.get("endpoint").asText());
            Alert alert = parsers.parse(source, Files.readAllBytes(alerts.resolve(file))).stream()
                    .filter(Alert::firing).findFirst().orElseThrow();
            if (withoutExplicitLabels) {
                alert = withoutExplicitLabels(alert);
            }
            Classification got = classifier.classify(alert, List.of());
            System.out.printf("[%s] %-50s %-18s %.2f %s%n", run, file, got.failureType().id(), got.confidence(),
                    got.evidence());
            score.add(file, wanted, got);
        }
        score.byType.forEach((type, counts) -> System.out.printf("corpus accuracy (%s) %-18s %d/%d = %.0f%%%n",
                run, type, counts[0], counts[1], 100.0 * counts[0] / counts[1]));
        System.out.printf("corpus accuracy (%s) %-18s %.1f%%%n", run, "overall", 100.0 * score.overall());
        score.misses.forEach(miss -> System.out.println("  miss: " + miss));
        return score;
    }

    private static Alert withoutExplicitLabels(Alert alert) {
        Map<String, String> labels = new TreeMap<>(alert.labels());
        labels.remove("ai_failure_type");
        labels.remove("failure_type");
        return new Alert(alert.source(), alert.fingerprint(), alert.status(), alert.title(), alert.severity(),
                alert.groupKey(), alert.workflow(), labels, alert.annotations(), alert.values(), alert.startsAt(),
                alert.url());
    }

    private static final class Score {
        final Map<String, int[]> byType = new TreeMap<>();
        final List<String> misses = new ArrayList<>();

        void add(String file, String wanted, Classification got) {
            int[] counts = byType.computeIfAbsent(wanted, type -> new int[2]);
            counts[1]++;
            if (got.failureType().id().equals(wanted)) {
                counts[0]++;
            } else {
                misses.add(file + ": expected " + wanted + ", got " + got.failureType().id() + " — " + got.evidence());
            }
        }

        double overall() {
            int right = byType.values().stream().mapToInt(counts -> counts[0]).sum();
            int total = byType.values().stream().mapToInt(counts -> counts[1]).sum();
            return (double) right / total;
        }
    }

    static Path corpus() {
        return Path.of("").toAbsolutePath().getParent().resolve("shared/corpus");
    }
}
