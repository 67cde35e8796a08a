package dev.threeam.runbook;

import dev.threeam.classify.FailureType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks {@code rollbacks:} entries: id, label, a change kind, exactly one provider and its settings, for, allowed. */
final class RollbackCheck {

    static final List<String> CHANGE_KINDS = List.of("prompt", "model_route", "retrieval_index", "tool_schema",
            "data_source", "feature_flag", "deploy");
    static final List<String> PROVIDERS = List.of("unleash", "flagd", "launchdarkly", "webhook");
    private static final Set<String> KEYS = Set.of("id", "label", "kind", "for", "allowed", "unleash", "flagd",
            "launchdarkly", "webhook");
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "unleash", List.of("feature", "environment"),
            "flagd", List.of("file", "flag", "variant"),
            "launchdarkly", List.of("project", "flag", "environment"),
            "webhook", List.of("url"));
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final Problems problems;
    private final Path runbooksDir;
    private final Set<String> ids = new HashSet<>();

    RollbackCheck(Problems problems, Path runbooksDir) {
        this.problems = problems;
        this.runbooksDir = runbooksDir;
    }

    void check(Object value) {
        List<Object> rollbacks = problems.list(value, "rollbacks");
        if (rollbacks == null) {
            return;
        }
        for (int index = 0; index < rollbacks.size(); index++) {
            String path = YamlTree.item("rollbacks", index);
            Map<String, Object> rollback = problems.map(rollbacks.get(index), path);
            if (rollback != null) {
                checkOne(rollback, path);
            }
        }
    }

    static void checkUrl(String url, String path, Problems problems) {
        if (url.contains("${")) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.error(path, "\"" + url + "\" is not an http(s) URL");
            }
        } catch (URISyntaxException e) {
            problems.error(path, "\"" + url + "\" is not a URL: " + e.getReason());
        }
    }

    private void checkOne(Map<String, Object> rollback, String path) {
        rollback.keySet().stream().filter(key -> !KEYS.contains(key)).forEach(key ->
                problems.warning(path + "." + key, "unknown key, ignored"));
        String id = problems.text(rollback.get("id"), path + ".id", true);
        if (id != null && !ids.add(id)) {
            problems.error(path + ".id", "\"" + id + "\" is used by another rollback of this runbook; ids must be unique");
        }
        problems.text(rollback.get("label"), path + ".label", true);
        String kind = problems.text(rollback.get("kind"), path + ".kind", true);
        if (kind != null && !CHANGE_KINDS.contains(kind)) {
            problems.error(path + ".kind", "\"" + kind + "\" is not a change kind; use one of "
                    + String.join(", ", CHANGE_KINDS));
        }
        checkFor(rollback.get("for"), path + ".for");
        RunbookValidator.checkSlackIds(rollback.get("allowed"), path + ".allowed", problems);
        List<String> providers = PROVIDERS.stream().filter(rollback::containsKey).toList();
        if (providers.size() != 1) {
            problems.error(path, (providers.isEmpty() ? "names no provider" : "names " + String.join(" and ", providers))
                    + "; a rollback uses exactly one of " + String.join(", ", PROVIDERS));
            return;
        }
        String provider = providers.get(0);
        Map<String, Object> settings = problems.map(rollback.get(provider), path + "." + provider);
        if (settings != null) {
            checkSettings(provider, settings, path + "." + provider);
        } else if (rollback.get(provider) == null) {
            problems.error(path + "." + provider, "settings missing: " + String.join(", ", REQUIRED.get(provider)));
        }
    }

    private void checkFor(Object value, String path) {
        List<String> types = problems.texts(value, path);
        for (int index = 0; index < types.size(); index++) {
            if (FailureType.fromId(types.get(index)).isEmpty()) {
                problems.errorAt(YamlTree.item(path, index), path, "\"" + types.get(index)
                        + "\" is not a failure type; use one of " + FailureType.allIds());
            }
        }
    }

    private void checkSettings(String provider, Map<String, Object> settings, String path) {
        for (String key : REQUIRED.get(provider)) {
            problems.text(settings.get(key), path + "." + key, true);
        }
        if (settings.containsKey("action")) {
            String action = Values.text(settings.get("action"));
            if (!"on".equals(action) && !"off".equals(action)) {
                problems.error(path + ".action", "expected \"on\" or \"off\" (quoted: YAML reads a bare off as false),"
                        + " got " + Values.describe(settings.get("action")));
            }
        }
        switch (provider) {
            case "flagd" -> checkFlagdFile(settings.get("file"), path + ".file");
            case "webhook" -> checkWebhook(settings, path);
            default -> { }
        }
    }

    private void checkFlagdFile(Object value, String path) {
        String file = Values.text(value);
        if (file != null && !file.isBlank() && !problems.unresolved(path) && !Files.isRegularFile(runbooksDir.resolve(file))) {
            problems.error(path, "no flag file at " + runbooksDir.resolve(file).toAbsolutePath().normalize()
                    + " (the path is relative to the runbooks folder)");
        }
    }

    private void checkWebhook(Map<String, Object> settings, String path) {
        String url = Values.text(settings.get("url"));
        if (url != null && !url.isBlank()) {
            checkUrl(url, path + ".url", problems);
        }
        String method = problems.text(settings.get("method"), path + ".method", false);
        if (method != null && !METHODS.contains(method.toUpperCase(java.util.Locale.ROOT))) {
            problems.error(path + ".method", "\"" + method + "\" is not an HTTP method; use POST, PUT, PATCH, GET or DELETE");
        }
    }
}
