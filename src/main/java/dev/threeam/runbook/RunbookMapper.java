package dev.threeam.runbook;

import dev.threeam.classify.ClassifyRule;
import dev.threeam.classify.FailureType;
import dev.threeam.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns front matter that passed {@link RunbookValidator} into a {@link Runbook}. */
final class RunbookMapper {

    private RunbookMapper() {}

    static Runbook toRunbook(Map<String, Object> root, Map<FailureType, String> sections, List<String> unresolved,
                             Path file, Path runbooksDir) {
        String workflow = Values.text(root.get("workflow"));
        String title = Optional.ofNullable(Values.text(root.get("title"))).orElse(workflow);
        String window = Values.text(root.get("changes_window"));
        return new Runbook(workflow, title, texts(root.get("aliases")), Values.text(root.get("channel")),
                owners(root.get("owners")), escalation(root.get("escalation")),
                qualitySignals(root.get("quality_signals")), numbers(root.get("budgets")),
                numbers(root.get("latency")), window == null ? null : Config.parseDuration(window),
                classifyRules(root.get("classify")), eval(root.get("eval")),
                rollbacks(root.get("rollbacks"), runbooksDir), texts(root.get("known_limits")),
                sections, unresolved, file, TelemetryReader.read(root));
    }

    private static Map<String, Runbook.Owner> owners(Object value) {
        Map<String, Runbook.Owner> owners = new LinkedHashMap<>();
        mapOf(value).forEach((role, spec) -> {
            Map<String, Object> owner = mapOf(spec);
            owners.put(role, new Runbook.Owner(role, texts(owner.get("slack")), Values.text(owner.get("pagerduty")),
                    Values.text(owner.get("opsgenie"))));
        });
        return owners;
    }

    private static Map<FailureType, List<String>> escalation(Object value) {
        Map<FailureType, List<String>> escalation = new LinkedHashMap<>();
        mapOf(value).forEach((typeId, roles) -> escalation.put(FailureType.fromId(typeId).orElseThrow(), texts(roles)));
        return escalation;
    }

    private static List<Runbook.QualitySignal> qualitySignals(Object value) {
        return listOf(value).stream().map(Values::map)
                .map(signal -> new Runbook.QualitySignal(Values.text(signal.get("metric")),
                        Values.text(signal.get("threshold")).strip(), TelemetryReader.evaluation(signal)))
                .toList();
    }

    private static Map<String, Double> numbers(Object value) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        mapOf(value).forEach((name, number) -> {
            if (!TelemetryCheck.SETTINGS.contains(name)) { // window, for, min_samples: see TelemetryReader
                numbers.put(name, Values.number(number));
            }
        });
        return numbers;
    }

    private static List<ClassifyRule> classifyRules(Object value) {
        return listOf(value).stream().map(Values::map).map(rule -> {
            Map<String, Pattern> match = new LinkedHashMap<>();
            mapOf(rule.get("match")).forEach((label, regex) -> match.put(label, Pattern.compile(Values.text(regex))));
            return new ClassifyRule(FailureType.fromId(Values.text(rule.get("failure_type"))).orElseThrow(), match);
        }).toList();
    }

    private static Runbook.EvalSpec eval(Object value) {
        Map<String, Object> eval = Values.map(value);
        return eval == null ? null : new Runbook.EvalSpec(Values.text(eval.get("webhook")), Values.text(eval.get("command")));
    }

    private static List<Runbook.Rollback> rollbacks(Object value, Path runbooksDir) {
        List<Runbook.Rollback> rollbacks = new ArrayList<>();
        for (Object item : listOf(value)) {
            Map<String, Object> rollback = Values.map(item);
            String provider = RollbackCheck.PROVIDERS.stream().filter(rollback::containsKey).findFirst().orElseThrow();
            List<FailureType> forTypes = texts(rollback.get("for")).stream()
                    .map(id -> FailureType.fromId(id).orElseThrow()).toList();
            rollbacks.add(new Runbook.Rollback(Values.text(rollback.get("id")), Values.text(rollback.get("label")),
                    Values.text(rollback.get("kind")), forTypes, provider,
                    settings(provider, mapOf(rollback.get(provider)), runbooksDir), texts(rollback.get("allowed"))));
        }
        return rollbacks;
    }

    /** The provider block as written, minus empty keys, with defaults filled in and the flagd file made absolute. */
    private static Map<String, Object> settings(String provider, Map<String, Object> written, Path runbooksDir) {
        Map<String, Object> settings = new LinkedHashMap<>();
        written.forEach((key, value) -> {
            if (value != null) {
                settings.put(key, value);
            }
        });
        switch (provider) {
            case "unleash" -> {
                settings.putIfAbsent("project", "default");
                settings.putIfAbsent("action", "off");
            }
            case "launchdarkly" -> settings.putIfAbsent("action", "off");
            case "webhook" -> settings.put("method",
                    String.valueOf(settings.getOrDefault("method", "POST")).toUpperCase(Locale.ROOT));
            case "flagd" -> settings.put("file",
                    runbooksDir.resolve(Values.text(settings.get("file"))).toAbsolutePath().normalize().toString());
            default -> { }
        }
        return Collections.unmodifiableMap(settings);
    }

    private static Map<String, Object> mapOf(Object value) {
        Map<String, Object> map = Values.map(value);
        return map == null ? Map.of() : map;
    }

    private static List<Object> listOf(Object value) {
        List<Object> list = Values.list(value);
        return list == null ? List.of() : list;
    }

    private static List<String> texts(Object value) {
        List<String> texts = Values.texts(value);
        return texts == null ? List.of() : texts.stream().map(String::strip).toList();
    }
}
