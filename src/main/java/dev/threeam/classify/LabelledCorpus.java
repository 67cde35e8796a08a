package dev.threeam.classify;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertParsers;
import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A labelled corpus folder in the layout of {@code ../shared/corpus}: {@code alerts/*.json} payloads and
 * {@code alerts/expected.json} naming each file's endpoint, expected failure type and workflow, with the
 * workflows' runbooks in {@code runbooks/} beside {@code alerts/} when present. Read unchanged. A payload that is
 * not valid JSON, has no firing alert or lacks its label is skipped with its file and the reason; a folder without
 * a readable {@code expected.json} is an error.
 */
public final class LabelledCorpus {

    /** Where each payload is POSTed, and the parser that reads it there. */
    public static final Map<String, String> SOURCE_BY_ENDPOINT = Map.of(
            "/alerts/alertmanager", "alertmanager",
            "/alerts/grafana", "grafana",
            "/alerts/datadog", "datadog",
            "/alerts/langsmith", "langsmith",
            "/alerts", "generic");

    /** A payload that could not be replayed, and why. */
    public record Skipped(String file, String reason) {
        @Override
        public String toString() {
            return file + ": " + reason;
        }
    }

    /** One labelled payload: its file, endpoint, body, label, and the alert that opens its incident. */
    public record Labelled(String file, String endpoint, byte[] body, ReplayCase replayCase) {}

    private final Path folder;
    private final Optional<Path> runbooks;
    private final List<Labelled> files;
    private final List<Skipped> skipped;

    private LabelledCorpus(Path folder, Optional<Path> runbooks, List<Labelled> files, List<Skipped> skipped) {
        this.folder = folder;
        this.runbooks = runbooks;
        this.files = List.copyOf(files);
        this.skipped = List.copyOf(skipped);
    }

    /**
     * Reads a corpus folder (the one holding {@code alerts/}, or {@code alerts/} itself), parsing every payload with
     * the real parser of its endpoint.
     */
    public static LabelledCorpus read(Path dir, AlertParsers parsers) {
        Path alerts = Files.isRegularFile(dir.resolve("alerts/expected.json")) ? dir.resolve("alerts") : dir;
        Path expected = alerts.resolve("expected.json");
        if (!Files.isRegularFile(expected)) {
            throw new BadInputException(dir + ": not a labelled corpus folder (no alerts/expected.json)");
        }
        JsonNode labels = readLabels(expected);
        Path root = alerts.getParent() != null ? alerts.getParent() : alerts;
        Path runbooks = root.resolve("runbooks");
        List<Labelled> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<String> labelled = new TreeSet<>();
        for (int index = 0; index < labels.size(); index++) {
            JsonNode label = labels.get(index);
            String file = label.path("file").asText("");
            if (!file.isEmpty()) {
                labelled.add(file);
            }
            readOne(alerts, index, label, parsers, skipped).ifPresent(files::add);
        }
        unlabelled(alerts, labelled).forEach(file -> skipped.add(new Skipped(file, "lacks its label: not in expected.json")));
        return new LabelledCorpus(root, Files.isDirectory(runbooks) ? Optional.of(runbooks) : Optional.empty(), files,
                skipped);
    }

    /** The folder read. */
    public Path folder() {
        return folder;
    }

    /** The folder's own runbooks, when it has a {@code runbooks/} beside {@code alerts/}. */
    public Optional<Path> runbooks() {
        return runbooks;
    }

    /** Every payload that can be replayed, in the order of {@code expected.json}. */
    public List<Labelled> files() {
        return files;
    }

    public List<ReplayCase> cases() {
        return files.stream().map(Labelled::replayCase).toList();
    }

    /** The payloads left out, with why. */
    public List<Skipped> skipped() {
        return skipped;
    }

    private static JsonNode readLabels(Path expected) {
        try {
            JsonNode labels = Json.mapper().readTree(expected.toFile());
            if (labels == null || !labels.isArray()) {
                throw new BadInputException(expected + ": expected a JSON array of labels");
            }
            return labels;
        } catch (JacksonException e) {
            throw new BadInputException(expected + ": not valid JSON: " + Words.shorten(e.getOriginalMessage(), 200));
        } catch (IOException e) {
            throw new BadInputException(expected + ": unreadable: " + e.getMessage());
        }
    }

    /** The label's payload ready to replay, or empty after adding to {@code skipped} why it is not. */
    private static Optional<Labelled> readOne(Path alerts, int index, JsonNode label, AlertParsers parsers,
                                              List<Skipped> skipped) {
        String file = label.path("file").asText("");
        String name = file.isEmpty() ? "expected.json[" + index + "]" : file;
        String problem = labelProblem(label);
        if (problem != null) {
            skipped.add(new Skipped(name, problem));
            return Optional.empty();
        }
        String endpoint = label.get("endpoint").asText();
        Path path = alerts.resolve(file).normalize();
        if (!path.startsWith(alerts.normalize()) || !Files.isRegularFile(path)) {
            skipped.add(new Skipped(name, "listed in expected.json but not found in " + alerts));
            return Optional.empty();
        }
        try {
            byte[] body = Files.readAllBytes(path);
            Optional<Alert> opening = parsers.parse(SOURCE_BY_ENDPOINT.get(endpoint), body).stream()
                    .filter(Alert::firing).findFirst();
            if (opening.isEmpty()) {
                skipped.add(new Skipped(name, "no firing alert in the payload"));
                return Optional.empty();
            }
            JsonNode workflow = label.path("expected_workflow");
            return Optional.of(new Labelled(file, endpoint, body, new ReplayCase(file, opening.get(),
                    FailureType.fromId(label.get("expected_failure_type").asText()).orElseThrow(),
                    workflow.isTextual() && !workflow.asText().isBlank() ? workflow.asText() : null)));
        } catch (BadInputException e) {
            String message = e.getMessage();
            skipped.add(new Skipped(name, message.startsWith("body: not valid JSON")
                    ? message.substring("body: ".length())
                    : "not a valid " + endpoint + " payload: " + message));
            return Optional.empty();
        } catch (IOException e) {
            skipped.add(new Skipped(name, "unreadable: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** What is missing from a label, or null when it is complete. */
    private static String labelProblem(JsonNode label) {
        if (!label.isObject()) {
            return "lacks its label: expected an object in expected.json";
        }
        if (label.path("file").asText("").isEmpty()) {
            return "lacks its label: no \"file\"";
        }
        String type = label.path("expected_failure_type").asText("");
        if (type.isEmpty()) {
            return "lacks its label: no \"expected_failure_type\"";
        }
        if (FailureType.fromId(type).isEmpty()) {
            return "lacks its label: expected_failure_type \"" + Words.shorten(type, 40) + "\" is not one of "
                    + FailureType.allIds();
        }
        String endpoint = label.path("endpoint").asText("");
        if (!SOURCE_BY_ENDPOINT.containsKey(endpoint)) {
            return "lacks its label: endpoint \"" + Words.shorten(endpoint, 60) + "\" is not one of "
                    + new TreeSet<>(SOURCE_BY_ENDPOINT.keySet());
        }
        return null;
    }

    /** Payload files no label names. */
    private static List<String> unlabelled(Path alerts, Set<String> labelled) {
        try (Stream<Path> listing = Files.list(alerts)) {
            return listing.filter(Files::isRegularFile)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json") && !name.equals("expected.json"))
                    .filter(name -> !labelled.contains(name))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(alerts + ": unreadable: " + e.getMessage());
        }
    }
}
