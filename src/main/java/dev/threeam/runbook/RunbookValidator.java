package dev.threeam.runbook;

import dev.threeam.common.ThreeAmException;
import dev.threeam.classify.FailureType;
import dev.threeam.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks runbook front matter and says what to fix, key by key: {@code runbooks/support.md:14
 * escalation.policy_failure: role "legal" has no owner}. Unknown keys are warnings, never errors, so runbooks
 * written for a newer 3am still load. {@link #checkAcross} adds the checks that need every file.
 */
public final class RunbookValidator {

    static final Set<String> TOP_LEVEL_KEYS = Set.of("workflow", "title", "aliases", "channel", "owners",
            "escalation", "quality_signals", "budgets", "latency", "changes_window", "classify", "eval",
            "rollbacks", "known_limits", "tools", "prices");
    static final Pattern SLACK_ID = Pattern.compile("[UWS][A-Z0-9]{2,}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,}");
    private static final Pattern THRESHOLD = Pattern.compile("\\s*(>=|<=|>|<|==)\\s*-?\\d+(\\.\\d+)?\\s*");
    private static final Set<String> OWNER_KEYS = Set.of("slack", "pagerduty", "opsgenie");

    private RunbookValidator() {}

    /** Every per-file check on resolved front matter; {@code runbooksDir} anchors flagd files. */
    static void validate(Map<String, Object> root, Problems problems, Path runbooksDir) {
        root.keySet().stream().filter(key -> !TOP_LEVEL_KEYS.contains(key)).forEach(key ->
                problems.warning(key, "unknown key, ignored (a runbook written for a newer 3am?)"));
        problems.duplicateKeys().forEach(path -> problems.warning(path, "written twice; the last one counts"));
        checkIdentity(root, problems);
        Set<String> roles = checkOwners(root.get("owners"), problems);
        checkEscalation(root.get("escalation"), roles, problems);
        checkQualitySignals(root.get("quality_signals"), problems);
        checkNumbers(root.get("budgets"), "budgets", problems);
        checkNumbers(root.get("latency"), "latency", problems);
        checkChangesWindow(root.get("changes_window"), problems);
        ClassifyCheck.check(root.get("classify"), problems);
        checkEval(root.get("eval"), problems);
        new RollbackCheck(problems, runbooksDir).check(root.get("rollbacks"));
        problems.texts(root.get("known_limits"), "known_limits");
        TelemetryCheck.check(root, problems);
    }

    /**
     * Workflow ids and aliases must be unique across files: the first file (by name) keeps a name, a later file
     * claiming it fails to load with an error saying where the name is taken.
     */
    public static List<ParsedRunbook> checkAcross(List<ParsedRunbook> files) {
        Map<String, ParsedRunbook> claimed = new HashMap<>();
        List<ParsedRunbook> checked = new ArrayList<>();
        for (ParsedRunbook file : files) {
            List<RunbookProblem> clashes = file.runbook().map(runbook -> clashes(file, runbook, claimed))
                    .orElse(List.of());
            if (clashes.isEmpty()) {
                file.runbook().ifPresent(runbook -> names(runbook).forEach(name -> claimed.put(name, file)));
                checked.add(file);
            } else {
                checked.add(file.failedWith(clashes));
            }
        }
        return checked;
    }

    private static List<RunbookProblem> clashes(ParsedRunbook file, Runbook runbook, Map<String, ParsedRunbook> claimed) {
        List<RunbookProblem> clashes = new ArrayList<>();
        ParsedRunbook owner = claimed.get(key(runbook.workflow()));
        if (owner != null) {
            clashes.add(RunbookProblem.error(file.name(), file.line("workflow"), "workflow", "\"" + runbook.workflow()
                    + "\" is already the workflow or an alias in " + owner.name() + "; workflow ids must be unique"));
        }
        for (int index = 0; index < runbook.aliases().size(); index++) {
            String alias = runbook.aliases().get(index);
            ParsedRunbook other = claimed.get(key(alias));
            if (other != null) {
                clashes.add(RunbookProblem.error(file.name(), file.line("aliases[" + index + "]"), "aliases",
                        "\"" + alias + "\" already names a workflow in " + other.name() + "; alerts could not tell them apart"));
            }
        }
        return clashes;
    }

    private static List<String> names(Runbook runbook) {
        List<String> names = new ArrayList<>();
        names.add(key(runbook.workflow()));
        runbook.aliases().forEach(alias -> names.add(key(alias)));
        return names;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static void checkIdentity(Map<String, Object> root, Problems problems) {
        String workflow = problems.text(root.get("workflow"), "workflow", true);
        if (workflow != null && !WORD.matcher(workflow).matches()) {
            problems.error("workflow", "\"" + workflow + "\" must be one word (letters, digits, . _ -): alerts, "
                    + "changes and /ai-incident name it");
        }
        problems.text(root.get("title"), "title", false);
        List<String> aliases = problems.texts(root.get("aliases"), "aliases");
        for (int index = 0; index < aliases.size(); index++) {
            if (!WORD.matcher(aliases.get(index)).matches()) {
                problems.errorAt("aliases[" + index + "]", "aliases", "\"" + aliases.get(index)
                        + "\" must be one word, as alert labels carry it");
            }
        }
        String channel = problems.text(root.get("channel"), "channel", false);
        if (channel != null && !problems.unresolved("channel") && !CHANNEL_ID.matcher(channel).matches()) {
            problems.warning("channel", "\"" + channel + "\" does not look like a Slack channel id (C0INCIDENTS);"
                    + " posting to it will fail unless it is one");
        }
    }

    private static Set<String> checkOwners(Object value, Problems problems) {
        Map<String, Object> owners = problems.map(value, "owners");
        if (owners == null || owners.isEmpty()) {
            problems.error("owners", "no owners: add at least one role, e.g. engineering: {slack: [S0ONCALL]}");
            return Set.of();
        }
        owners.forEach((role, spec) -> checkOwner(role, spec, "owners." + role, problems));
        return owners.keySet();
    }

    private static void checkOwner(String role, Object value, String path, Problems problems) {
        Map<String, Object> owner = problems.map(value, path);
        if (owner == null) {
            if (value == null) {
                problems.warning(path, "role \"" + role + "\" has nobody to wake: add slack, pagerduty or opsgenie");
            }
            return;
        }
        owner.keySet().stream().filter(key -> !OWNER_KEYS.contains(key)).forEach(key ->
                problems.warning(path + "." + key, "unknown key, ignored (owners take slack, pagerduty, opsgenie)"));
        checkSlackIds(owner.get("slack"), path + ".slack", problems);
        String pagerduty = problems.text(owner.get("pagerduty"), path + ".pagerduty", false);
        String opsgenie = problems.text(owner.get("opsgenie"), path + ".opsgenie", false);
        List<String> slack = Values.texts(owner.get("slack"));
        if ((slack == null || slack.isEmpty()) && pagerduty == null && opsgenie == null) {
            problems.warning(path, "role \"" + role + "\" has nobody to wake: add slack, pagerduty or opsgenie");
        }
    }

    static void checkSlackIds(Object value, String path, Problems problems) {
        List<String> ids = problems.texts(value, path);
        for (int index = 0; index < ids.size(); index++) {
            String item = YamlTree.item(path, index);
            if (problems.unresolved(item) || problems.unresolved(path)) {
                continue;
            }
            if (!SLACK_ID.matcher(ids.get(index)).matches()) {
                problems.errorAt(item, path, "\"" + ids.get(index)
                        + "\" is not a Slack user or user group id (U…, W… or S…, as in U0ALICE or S0ONCALL)");
            }
        }
    }

    private static void checkEscalation(Object value, Set<String> roles, Problems problems) {
        Map<String, Object> escalation = problems.map(value, "escalation");
        if (escalation == null) {
            return;
        }
        escalation.forEach((typeId, roleList) -> {
            String path = "escalation." + typeId;
            if (FailureType.fromId(typeId).isEmpty()) {
                problems.error(path, "\"" + typeId + "\" is not a failure type; use one of " + FailureType.allIds());
            }
            List<String> wanted = problems.texts(roleList, path);
            if (wanted.isEmpty() && Values.texts(roleList) != null) {
                problems.warning(path, "no roles listed: nobody would be woken for " + typeId);
            }
            for (int index = 0; index < wanted.size(); index++) {
                String role = wanted.get(index);
                if (!roles.contains(role)) {
                    problems.errorAt(YamlTree.item(path, index), path, "role \"" + role + "\" has no owner; add owners."
                            + role + " or remove it here");
                }
            }
        });
    }

    private static void checkQualitySignals(Object value, Problems problems) {
        List<Object> signals = problems.list(value, "quality_signals");
        if (signals == null) {
            return;
        }
        for (int index = 0; index < signals.size(); index++) {
            String path = YamlTree.item("quality_signals", index);
            Map<String, Object> signal = problems.map(signals.get(index), path);
            if (signal == null) {
                continue;
            }
            problems.text(signal.get("metric"), path + ".metric", true);
            String threshold = problems.text(signal.get("threshold"), path + ".threshold", true);
            if (threshold != null && !THRESHOLD.matcher(threshold).matches()) {
                problems.error(path + ".threshold", "\"" + threshold + "\" is not a threshold; write a comparison and"
                        + " a number, quoted: \">= 0.85\"");
            }
        }
    }

    private static void checkNumbers(Object value, String key, Problems problems) {
        Map<String, Object> numbers = problems.map(value, key);
        if (numbers == null) {
            return;
        }
        numbers.forEach((name, number) -> {
            if (TelemetryCheck.SETTINGS.contains(name)) {
                return; // window, for, min_samples: TelemetryCheck
            }
            Double parsed = Values.number(number);
            if (parsed == null) {
                problems.error(key + "." + name, "expected a number, got " + Values.describe(number));
            } else if (parsed <= 0) {
                problems.error(key + "." + name, "must be above 0, got " + number);
            }
        });
    }

    private static void checkChangesWindow(Object value, Problems problems) {
        String window = problems.text(value, "changes_window", false);
        if (window == null) {
            return;
        }
        try {
            if (Config.parseDuration(window).isNegative()) {
                problems.error("changes_window", "must not be negative, got \"" + window + "\"");
            }
        } catch (ThreeAmException e) {
            problems.error("changes_window", e.getMessage());
        }
    }

    private static void checkEval(Object value, Problems problems) {
        Map<String, Object> eval = problems.map(value, "eval");
        if (eval == null) {
            return;
        }
        eval.keySet().stream().filter(key -> !key.equals("webhook") && !key.equals("command")).forEach(key ->
                problems.warning("eval." + key, "unknown key, ignored (eval takes webhook or command)"));
        String webhook = problems.text(eval.get("webhook"), "eval.webhook", false);
        String command = problems.text(eval.get("command"), "eval.command", false);
        if (webhook == null && command == null) {
            problems.error("eval", "give webhook: (a URL that reruns the eval) or command:");
        }
        if (webhook != null) {
            RollbackCheck.checkUrl(webhook, "eval.webhook", problems);
        }
    }
}
