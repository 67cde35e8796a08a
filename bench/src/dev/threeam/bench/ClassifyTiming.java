package dev.threeam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.alert.Alert;
import dev.threeam.alert.AlertParsers;
import dev.threeam.classify.Classification;
import dev.threeam.classify.Classifier;
import dev.threeam.classify.ClassifyRule;
import dev.threeam.common.Json;
import dev.threeam.runbook.Runbook;
import dev.threeam.runbook.RunbookRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Classification time per alert, in this JVM, through the jar's public API only: every alert of the corpus folders
 * ({@code corpus/NAME/alerts} with its {@code expected.json}, parsed by {@link AlertParsers} from the endpoint it
 * names, with the rules of the runbook in {@code corpus/NAME/runbooks} it matches), or, with no corpus, synthetic
 * alerts for each runbook in {@code runbooks/}. {@link Classifier#classify} runs over all of them for a warm-up,
 * then each call is timed on its own for the measured rounds.
 */
final class ClassifyTiming {

    /**
     * p50/p99/max µs per call over {@code rounds × alerts} calls (preemption and GC on a busy machine land in these);
     * p99 of the alerts' own medians (robust to both); the slowest alert by its median.
     */
    record Result(String source, int alerts, int rounds, double p50Us, double p99Us, double maxUs, double p99OfMediansUs,
                  String slowest, double slowestMedianUs, List<String> skipped) {}

    /** An alert to classify, where it came from, and its workflow's rules. */
    private record Case(String name, Alert alert, List<ClassifyRule> rules) {}

    private static volatile long sink;

    private ClassifyTiming() {}

    static Result run(List<Path> corpusDirs, Path runbooks, java.time.Duration warmup, java.time.Duration measure) throws IOException {
        List<String> skipped = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Path dir : corpusDirs) {
            int before = cases.size();
            corpus(dir, cases, skipped);
            sources.add(dir + " (" + (cases.size() - before) + " alerts)");
        }
        if (cases.isEmpty()) {
            synthetic(runbooks, cases);
            sources.add("synthetic alerts for the runbooks in " + runbooks + ", no corpus folder found (" + cases.size() + " alerts)");
        }
        Classifier classifier = new Classifier();
        long warmUntil = System.nanoTime() + warmup.toNanos();
        for (int round = 0; System.nanoTime() < warmUntil || round < 20; round++) {
            for (Case item : cases) {
                consume(classifier.classify(item.alert(), item.rules()));
            }
        }
        List<long[]> rounds = new ArrayList<>();
        long measureUntil = System.nanoTime() + measure.toNanos();
        while (System.nanoTime() < measureUntil || rounds.size() < 20) {
            long[] times = new long[cases.size()];
            for (int index = 0; index < cases.size(); index++) {
                Case item = cases.get(index);
                long started = System.nanoTime();
                Classification classification = classifier.classify(item.alert(), item.rules());
                times[index] = System.nanoTime() - started;
                consume(classification);
            }
            rounds.add(times);
        }
        long[] all = rounds.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        int slowest = 0;
        long[] medians = new long[cases.size()];
        for (int index = 0; index < cases.size(); index++) {
            int alert = index;
            long[] ofAlert = rounds.stream().mapToLong(times -> times[alert]).sorted().toArray();
            medians[index] = ofAlert[ofAlert.length / 2];
            if (medians[index] > medians[slowest]) {
                slowest = index;
            }
        }
        long slowestMedian = medians[slowest];
        Arrays.sort(medians);
        Result result = new Result(String.join("; ", sources), cases.size(), rounds.size(), LoadGenerator.percentile(all, 0.5) * 1e3,
                LoadGenerator.percentile(all, 0.99) * 1e3, all[all.length - 1] / 1e3, LoadGenerator.percentile(medians, 0.99) * 1e3,
                cases.get(slowest).name(), slowestMedian / 1e3, skipped);
        System.out.printf(Locale.ROOT, "  %d alerts × %d rounds: p50 %.1f µs, p99 %.1f µs, max %.0f µs; p99 of the alerts' medians %.1f µs; "
                        + "slowest %s (median %.1f µs)%n", result.alerts(), result.rounds(), result.p50Us(), result.p99Us(), result.maxUs(),
                result.p99OfMediansUs(), result.slowest(), result.slowestMedianUs());
        skipped.forEach(line -> System.out.println("  skipped " + line));
        return result;
    }

    /** The folders {@code corpus/NAME} that hold {@code alerts/expected.json}, in name order. */
    static List<Path> corpusFolders(Path corpusRoot) throws IOException {
        if (!Files.isDirectory(corpusRoot)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(corpusRoot)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("alerts/expected.json"))).sorted().toList();
        }
    }

    private static void corpus(Path dir, List<Case> cases, List<String> skipped) throws IOException {
        AlertParsers parsers = new AlertParsers();
        Path runbookDir = dir.resolve("runbooks");
        try (RunbookRegistry registry = Files.isDirectory(runbookDir) ? RunbookRegistry.load(runbookDir, Map.of(), true, Clock.systemUTC()) : null) {
            JsonNode expected = Json.mapper().readTree(dir.resolve("alerts/expected.json").toFile());
            for (JsonNode entry : expected.isArray() ? expected : expected.path("cases")) {
                String file = entry.path("file").asText();
                String endpoint = entry.path("endpoint").asText("/alerts");
                String source = endpoint.equals("/alerts") ? "generic" : endpoint.substring(endpoint.lastIndexOf('/') + 1);
                try {
                    for (Alert alert : parsers.parse(source, Files.readAllBytes(dir.resolve("alerts").resolve(file)))) {
                        List<ClassifyRule> rules = registry == null ? List.of()
                                : registry.match(alert).runbook().map(Runbook::classify).orElse(List.of());
                        cases.add(new Case(dir.getFileName() + "/" + file, alert, rules));
                    }
                } catch (IOException | RuntimeException e) {
                    skipped.add(dir.getFileName() + "/" + file + ": " + e.getMessage());
                }
            }
        }
    }

    /** For each runbook, one generic and one Alertmanager alert per failure type, worded as on-call alerts often are. */
    private static void synthetic(Path runbooks, List<Case> cases) {
        AlertParsers parsers = new AlertParsers();
        String[][] phrases = {
                {"FaithfulnessLow", "Faithfulness 0.71 < 0.85 on sampled answers", "faithfulness"},
                {"RagRecallAt5Low", "Recall@5 fell to 0.42: the retriever returns stale documents", "recall_at_5"},
                {"ToolCallErrors", "Tool call error rate 12% for search_orders: schema mismatch", "tool_error_rate"},
                {"RefusalRateLow", "Refusal rate 0.4%: jailbreak prompts answered instead of refused", "refusal_rate"},
                {"TokenSpendHigh", "Token spend $410/day over the $250 budget", "gen_ai_client_token_usage_sum"},
                {"AnswerLatencyHigh", "p95 answer latency 6.1s > 4s", "gen_ai_client_operation_duration"},
                {"ProviderErrors", "Provider answered HTTP 529 overloaded for 8% of calls", "provider_error_rate"},
                {"NodeDiskFull", "Disk usage 91% on node ip-10-0-3-7", "node_filesystem_avail_bytes"}};
        try (RunbookRegistry registry = RunbookRegistry.load(runbooks, Map.of(), true, Clock.systemUTC())) {
            for (Runbook runbook : registry.all()) {
                for (String[] phrase : phrases) {
                    String generic = "{\"workflow\":\"" + runbook.workflow() + "\",\"title\":\"" + phrase[1] + "\",\"labels\":{\"metric\":\""
                            + phrase[2] + "\"}}";
                    String webhook = "{\"receiver\":\"3am\",\"status\":\"firing\",\"groupKey\":\"{}:{alertname=\\\"" + phrase[0] + "\\\"}\","
                            + "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"" + phrase[0] + "\",\"workflow\":\""
                            + runbook.workflow() + "\",\"__name__\":\"" + phrase[2] + "\"},\"annotations\":{\"summary\":\"" + phrase[1]
                            + "\"},\"startsAt\":\"2026-11-28T02:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"fingerprint\":\""
                            + String.format("%016x", (runbook.workflow() + phrase[0]).hashCode() & 0xffffffffL) + "\"}]}";
                    for (String[] body : new String[][] {{"generic", generic}, {"alertmanager", webhook}}) {
                        for (Alert alert : parsers.parse(body[0], body[1].getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                            cases.add(new Case(runbook.workflow() + "/" + body[0] + "/" + phrase[0], alert, runbook.classify()));
                        }
                    }
                }
            }
        }
    }

    private static void consume(Classification classification) {
        sink += classification.evidence().length() + classification.failureType().ordinal();
    }
}
