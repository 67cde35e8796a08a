package dev.threeam.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookProblem;
import dev.threeam.runbook.RunbookRegistry;
import dev.threeam.runbook.WorkflowMatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape of the held-out corpora {@code corpus/fresh}, {@code corpus/blind}, {@code corpus/blind2},
 * {@code corpus/blind3}, {@code corpus/blind4}, {@code corpus/blind7} to {@code corpus/blind13}, written in
 * outside teams' voices: every payload is what its source really sends and parses with the real parser of its
 * endpoint, every label names a known failure type and a workflow the corpus's own runbooks resolve, and the counts it
 * promises hold. It never runs the classifier: whether 3am labels these alerts right is the corpus replay's question,
 * not this test's.
 */
class HeldOutCorpusShapeTest {


    private static final Map<String, String> SOURCE_BY_ENDPOINT = Map.of(
            "/alerts/alertmanager", "alertmanager", "/alerts/grafana", "grafana", "/alerts/datadog", "datadog",
            "/alerts/langsmith", "langsmith", "/alerts", "generic");
    private static final List<String> FAILURE_TYPES = List.of("quality_drift", "retrieval_failure", "tool_failure",
            "policy_failure", "cost_failure", "latency_failure", "provider_outage", "unclassified");
    /**
     * One held-out corpus and the counts it promises: the least alerts in all, per failure type, per endpoint and
     * per workflow, the least share of hard cases, and how many workflows (runbooks) it has.
     */
    record Corpus(Path root, int total, Map<String, Integer> atLeast, int perEndpoint, int perWorkflow,
                  double hardShare, int fewestWorkflows, int mostWorkflows) {

        Corpus(Path root, int total, Map<String, Integer> atLeast, int perEndpoint, int perWorkflow, double hardShare) {
            this(root, total, atLeast, perEndpoint, perWorkflow, hardShare, 6, 8);
        }

        Path alerts() {
            return root.resolve("alerts");
        }

        Path runbooks() {
            return root.resolve("runbooks");
        }

        @Override
        public String toString() {
            return root.toString();
        }
    }

    static Stream<Corpus> corpora() {
        return Stream.of(
                // more weight on the types that are hard to tell apart
                new Corpus(Path.of("corpus/fresh"), 130, Map.of("retrieval_failure", 22, "quality_drift", 20,
                        "tool_failure", 20, "policy_failure", 18, "latency_failure", 16, "cost_failure", 12,
                        "provider_outage", 12, "unclassified", 12), 20, 12, 0.45),
                // written without reading the classifier's rules: an even spread over the types
                new Corpus(Path.of("corpus/blind"), 100, Map.of("retrieval_failure", 12, "quality_drift", 12,
                        "tool_failure", 12, "policy_failure", 12, "latency_failure", 12, "cost_failure", 12,
                        "provider_outage", 12, "unclassified", 12), 20, 12, 0.45),
                // a second blind corpus, six more products, 15 alerts per type, at least half of them hard
                new Corpus(Path.of("corpus/blind2"), 120, Map.of("retrieval_failure", 15, "quality_drift", 15,
                        "tool_failure", 15, "policy_failure", 15, "latency_failure", 15, "cost_failure", 15,
                        "provider_outage", 15, "unclassified", 15), 22, 15, 0.5),
                // a third blind corpus, five more products, 12 alerts per type, at least half of them hard
                new Corpus(Path.of("corpus/blind3"), 96, Map.of("retrieval_failure", 12, "quality_drift", 12,
                        "tool_failure", 12, "policy_failure", 12, "latency_failure", 12, "cost_failure", 12,
                        "provider_outage", 12, "unclassified", 12), 19, 15, 0.5, 5, 5),
                // a fourth blind corpus, four more products, 10 alerts per type, at least half of them hard
                new Corpus(Path.of("corpus/blind4"), 80, Map.of("retrieval_failure", 10, "quality_drift", 10,
                        "tool_failure", 10, "policy_failure", 10, "latency_failure", 10, "cost_failure", 10,
                        "provider_outage", 10, "unclassified", 10), 16, 15, 0.5, 4, 4),
                // the seventh to nineteenth blind corpora, three more products each, 6 alerts per type, at least half hard
                threeProducts("blind7"), threeProducts("blind8"), threeProducts("blind9"), threeProducts("blind10"),
                threeProducts("blind11"), threeProducts("blind12"), threeProducts("blind13"), threeProducts("blind14"),
                threeProducts("blind15"), threeProducts("blind16"), threeProducts("blind17"), threeProducts("blind18"),
                threeProducts("blind19"));
    }

    /** A blind corpus of 48 alerts for three products: 6 per type, 9 per endpoint, 13 per workflow, half of them hard. */
    private static Corpus threeProducts(String folder) {
        return new Corpus(Path.of("corpus", folder), 48, Map.of("retrieval_failure", 6, "quality_drift", 6,
                "tool_failure", 6, "policy_failure", 6, "latency_failure", 6, "cost_failure", 6,
                "provider_outage", 6, "unclassified", 6), 9, 13, 0.5, 3, 3);
    }

    private static final List<String> HARD_KINDS = List.of("names", "money", "negation", "infra", "policy", "retrieval",
            "provider");
    private static final Pattern HEX16 = Pattern.compile("[0-9a-f]{16}");
    private static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DECEMBER = Instant.parse("2026-12-01T00:00:00Z");

    private final AlertParsers parsers = new AlertParsers();

    /** One line of expected.json. */
    private record Entry(Path alerts, String file, String endpoint, String type, String workflow, String why) {

        String source() {
            return SOURCE_BY_ENDPOINT.get(endpoint);
        }

        boolean hard() {
            return why.startsWith("hard/");
        }
    }

    private static List<Entry> entries(Corpus corpus) {
        try {
            JsonNode expected = Json.mapper().readTree(corpus.alerts().resolve("expected.json").toFile());
            List<Entry> entries = new ArrayList<>();
            for (JsonNode item : expected) {
                JsonNode workflow = item.get("expected_workflow");
                entries.add(new Entry(corpus.alerts(), item.path("file").asText(), item.path("endpoint").asText(),
                        item.path("expected_failure_type").asText(), workflow == null || workflow.isNull() ? null
                        : workflow.asText(), item.path("why").asText()));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Alert> parse(Entry entry) {
        try {
            return parsers.parse(entry.source(), Files.readAllBytes(entry.alerts().resolve(entry.file())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(Entry entry) {
        try {
            return Json.mapper().readTree(entry.alerts().resolve(entry.file()).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunbookRegistry runbooks(Corpus corpus) {
        return RunbookRegistry.load(corpus.runbooks(), Map.of(), false, Clock.fixed(NOVEMBER, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void every_file_is_listed_once_and_every_listed_file_exists(Corpus corpus) throws IOException {
        List<String> listed = entries(corpus).stream().map(Entry::file).toList();
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(corpus.alerts())) {
            onDisk = files.map(file -> file.getFileName().toString()).filter(name -> !name.equals("expected.json"))
                    .collect(Collectors.toSet());
        }

        assertThat(listed).doesNotHaveDuplicates();
        assertThat(Set.copyOf(listed)).isEqualTo(onDisk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void every_entry_names_a_known_endpoint_a_known_failure_type_and_says_why(Corpus corpus) {
        for (Entry entry : entries(corpus)) {
            assertThat(SOURCE_BY_ENDPOINT).as(entry.file()).containsKey(entry.endpoint());
            assertThat(FAILURE_TYPES).as(entry.file()).contains(entry.type());
            assertThat(entry.why()).as(entry.file()).isNotBlank();
            if (entry.hard()) {
                assertThat(entry.why()).as(entry.file() + ": a hard case names its kind")
                        .matches("hard/(" + String.join("|", HARD_KINDS) + "): .+");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void every_payload_parses_with_the_parser_of_its_endpoint_into_at_least_one_firing_alert(Corpus corpus) {
        for (Entry entry : entries(corpus)) {
            List<Alert> alerts = parse(entry);

            assertThat(alerts).as(entry.file()).isNotEmpty().anyMatch(Alert::firing)
                    .allMatch(alert -> alert.source().equals(entry.source()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void the_alerts_of_one_payload_share_a_group_key_and_no_two_payloads_share_one(Corpus corpus) {
        Map<String, String> fileByKey = new HashMap<>();
        for (Entry entry : entries(corpus)) {
            List<Alert> alerts = parse(entry);
            Set<String> keys = alerts.stream().map(alert -> Objects.requireNonNullElse(alert.groupKey(),
                    "fingerprint:" + alert.fingerprint())).collect(Collectors.toSet());
            if (alerts.size() > 1) {
                assertThat(keys).as(entry.file() + ": several alerts, one group key").hasSize(1);
                assertThat(alerts.get(0).groupKey()).as(entry.file()).isNotNull();
            }
            for (String key : keys) {
                String other = fileByKey.putIfAbsent(entry.source() + "|" + key, entry.file());
                assertThat(other).as(entry.file() + " shares its group key " + key + " with " + other).isNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void fingerprints_are_unique_and_sixteen_hex_where_the_sender_writes_them(Corpus corpus) {
        Set<String> seen = new HashSet<>();
        for (Entry entry : entries(corpus)) {
            for (Alert alert : parse(entry)) {
                assertThat(seen.add(alert.source() + "|" + alert.fingerprint()))
                        .as(entry.file() + ": fingerprint " + alert.fingerprint() + " is unique").isTrue();
            }
            JsonNode body = json(entry);
            List<JsonNode> sent = switch (entry.source()) {
                case "alertmanager", "grafana" -> list(body.get("alerts"));
                case "generic" -> body.isArray() ? list(body) : List.of(body);
                default -> List.of();
            };
            for (JsonNode alert : sent) {
                assertThat(alert.path("fingerprint").asText()).as(entry.file()).matches(HEX16);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void every_alert_is_from_november_2026(Corpus corpus) {
        for (Entry entry : entries(corpus)) {
            for (Alert alert : parse(entry)) {
                assertThat(alert.startsAt()).as(entry.file()).isNotNull().isAfterOrEqualTo(NOVEMBER).isBefore(DECEMBER);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void alertmanager_and_grafana_payloads_have_the_shape_their_senders_deliver(Corpus corpus) throws IOException {
        for (Entry entry : entries(corpus)) {
            if (!entry.source().equals("alertmanager") && !entry.source().equals("grafana")) {
                continue;
            }
            String raw = Files.readString(entry.alerts().resolve(entry.file()));
            JsonNode body = json(entry);
            assertThat(raw).as(entry.file() + ": Go escapes & < > in strings").doesNotContain("&", "<", ">")
                    .contains("\\u0026");
            assertThat(body.path("version").asText()).as(entry.file()).isEqualTo(entry.source().equals("grafana") ? "1" : "4");
            assertThat(body.has("truncatedAlerts")).as(entry.file()).isTrue();
            for (JsonNode alert : list(body.get("alerts"))) {
                assertThat(alert.path("endsAt").asText()).as(entry.file()).isEqualTo("0001-01-01T00:00:00Z");
            }
            if (entry.source().equals("grafana")) {
                assertThat(body.path("state").asText()).as(entry.file()).isEqualTo("alerting");
                assertThat(body.has("orgId") && body.has("title") && body.has("message")).as(entry.file()).isTrue();
                for (JsonNode alert : list(body.get("alerts"))) {
                    assertThat(alert.has("valueString") && alert.has("dashboardURL") && alert.has("panelURL")
                            && alert.has("silenceURL")).as(entry.file()).isTrue();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void datadog_payloads_follow_the_template_with_tags_and_epoch_milliseconds(Corpus corpus) {
        for (Entry entry : entries(corpus)) {
            if (!entry.source().equals("datadog")) {
                continue;
            }
            JsonNode body = json(entry);
            for (String field : List.of("id", "title", "body", "transition", "alert_cycle_key", "priority", "tags",
                    "link", "date")) {
                assertThat(body.path(field).isTextual()).as(entry.file() + ": " + field + " as the template writes it")
                        .isTrue();
            }
            assertThat(body.path("date").asText()).as(entry.file()).matches("\\d{13}");
            assertThat(body.path("tags").asText()).as(entry.file()).matches("[^,:]+:[^,]*(,[^,:]+:[^,]*)*");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void the_runbooks_load_without_errors_and_carry_no_classify_rules(Corpus corpus) throws IOException {
        RunbookRegistry registry = runbooks(corpus);

        assertThat(registry.ready()).as(registry.problems().toString()).isTrue();
        assertThat(registry.problems()).noneMatch(RunbookProblem::isError);
        assertThat(registry.all()).hasSizeBetween(corpus.fewestWorkflows(), corpus.mostWorkflows());
        for (Runbook runbook : registry.all()) {
            assertThat(runbook.classify()).as(runbook.workflow() + ": no classify rules").isEmpty();
            assertThat(runbook.knownLimits()).as(runbook.workflow() + ": known limits").isNotEmpty();
            assertThat(Files.readString(runbook.file())).as(runbook.workflow() + ": literal ids").doesNotContain("${");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void every_expected_workflow_is_what_the_runbooks_match_for_every_alert_of_its_payload(Corpus corpus) {
        RunbookRegistry registry = runbooks(corpus);
        Set<String> workflows = registry.all().stream().map(Runbook::workflow).collect(Collectors.toSet());
        for (Entry entry : entries(corpus)) {
            if (entry.workflow() != null) {
                assertThat(workflows).as(entry.file()).contains(entry.workflow());
            }
            for (Alert alert : parse(entry)) {
                WorkflowMatch match = registry.match(alert);
                assertThat(match.workflow()).as(entry.file() + ": " + match.explanation())
                        .isEqualTo(Optional.ofNullable(entry.workflow()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void the_counts_the_corpus_promises_hold(Corpus corpus) {
        List<Entry> entries = entries(corpus);
        int total = entries.size();

        assertThat(total).isGreaterThanOrEqualTo(corpus.total());
        Map<String, Long> byType = count(entries, Entry::type);
        corpus.atLeast().forEach((type, least) -> assertThat(byType.getOrDefault(type, 0L)).as(type).isGreaterThanOrEqualTo(least));
        Map<String, Long> byEndpoint = count(entries, Entry::endpoint);
        SOURCE_BY_ENDPOINT.keySet().forEach(endpoint ->
                assertThat(byEndpoint.getOrDefault(endpoint, 0L)).as(endpoint).isGreaterThanOrEqualTo(corpus.perEndpoint()));
        assertThat(share(entries, Entry::hard)).as("hard cases").isGreaterThanOrEqualTo(corpus.hardShare());
        assertThat(share(entries, entry -> entry.workflow() == null)).as("alerts naming no workflow").isBetween(0.07, 0.13);
        assertThat(share(entries, this::explicit)).as("alerts carrying their own failure type").isLessThan(0.15);
        Map<String, Long> byWorkflow = count(entries.stream().filter(entry -> entry.workflow() != null).toList(),
                Entry::workflow);
        assertThat(byWorkflow).hasSizeBetween(corpus.fewestWorkflows(), corpus.mostWorkflows());
        byWorkflow.forEach((workflow, alerts) -> assertThat(alerts).as(workflow).isGreaterThanOrEqualTo(corpus.perWorkflow()));
    }

    private boolean explicit(Entry entry) {
        return parse(entry).stream().anyMatch(alert -> alert.labels().containsKey("failure_type")
                || alert.labels().containsKey("ai_failure_type"));
    }

    private static Map<String, Long> count(List<Entry> entries, java.util.function.Function<Entry, String> key) {
        return entries.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static double share(List<Entry> entries, Predicate<Entry> which) {
        return (double) entries.stream().filter(which).count() / entries.size();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
