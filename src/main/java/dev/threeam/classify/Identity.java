package dev.threeam.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names that only say which thing failed, never how: a service, pod, deployment, team, project, model route, tool,
 * index or workflow. A tool called {@code search_kb} or a service called {@code rag-retriever} is no sign of a
 * retrieval failure, so these labels are not read as signals, and where their values (and the workflow's id and
 * aliases) appear in a title or in prose they are blotted out before any rule reads it.
 */
final class Identity {

    /** What stands in for a generated name while prose is normalized; dropped afterwards. */
    static final String BLOT = "§";

    /** Labels whose value is a name. Keys ending in {@code _name}, {@code _id}, {@code _key} are names too, see {@link #isNameKey}. */
    private static final Set<String> NAME_KEYS = Set.of(
            "service", "app", "application", "job", "workflow", "instance", "pod", "namespace", "container", "host",
            "hostname", "node", "deployment", "statefulset", "daemonset", "replicaset", "team", "owner", "squad",
            "ml_app", "project", "region", "zone", "cluster", "env", "environment", "receiver", "model", "route",
            "model_route", "llm_route", "gen_ai_request_model", "gen_ai_response_model", "gen_ai.request.model",
            "gen_ai.response.model", "tool", "function", "agent", "index", "collection", "tenant", "customer",
            "account", "user", "version", "prompt", "prompt_version", "dataset", "experiment", "feature", "flag",
            "endpoint", "path", "handler", "queue", "topic", "database", "db", "bucket", "repo", "repository",
            "product", "channel", "monitor", "dashboard", "source", "datacenter", "dc", "site", "shard", "partition",
            "language", "locale", "market", "country", "device", "le", "slo", "window", "runbook", "alertgroup",
            "grafana_folder", "rulegroup", "monitor_name", "org", "organization", "business_unit", "tier", "plan",
            "vendor_account", "release", "build", "commit", "image", "chart", "workload", "kube_deployment",
            "kube_namespace", "pod_name", "container_name", "app_name", "service_name", "tool_name", "model_name",
            "gen_ai_tool_name", "gen_ai.tool.name", "gen_ai_agent_name", "gen_ai.agent.name", "gen_ai_workflow_name",
            "gen_ai.workflow.name", "project_name");
    /** {@code _name} keys that name what was measured, not which thing: read as metrics. */
    static final Set<String> MEASURE_KEYS = Set.of("metric_name", "score_name", "eval_name", "evaluation_name",
            "evaluator", "evaluator_name", "gen_ai_evaluation_name", "gen_ai.evaluation.name", "check_name", "check",
            "detector", "detector_name", "guardrail", "guardrail_name", "signal", "signal_name", "monitor_type",
            "sli", "indicator", "measure", "kpi", "score");
    /**
     * Labels whose value says what failed or what was measured ({@code error_type=rate_limit}, {@code alertname}):
     * never blotted. The value of any other label that looks like an identifier ({@code trunk=twilio-trunk-eu-1},
     * {@code cronjob=nightly-sync}) is a name wherever it appears in prose.
     */
    private static final Set<String> DESCRIBING_KEYS = Set.of("alertname", "alert_rule_name", "alert_rule_attribute",
            "alert_rule_type", "metric", "__name__", "failure_type", "ai_failure_type", "severity", "priority",
            "error_type", "error.type", "error", "error_code", "error_class", "exception", "exception_type", "status",
            "status_code", "http_status", "http_status_code", "response_code", "code", "reason", "finish_reason",
            "category", "kind", "type", "failure", "cause", "symptom", "operation", "gen_ai_operation_name",
            "gen_ai.operation.name", "gen_ai_token_type", "gen_ai.token.type", "outcome", "result", "component",
            "layer", "stage", "step", "phase", "policy", "rule", "violation", "classifier", "state", "condition",
            "description", "summary", "signal_type", "issue");
    /** Kubernetes-style generated names: {@code helpdesk-bot-7d9f8c-xk2lp}, {@code rag-retriever-5c8b9}. */
    private static final Pattern GENERATED_NAME = Pattern.compile(
            "\\b[a-z][a-z0-9]*(?:[-_][a-z][a-z0-9]*)*[-_](?=[a-z]*\\d)(?=\\d*[a-z])[a-z0-9]{4,10}(?:-[a-z0-9]{5})?\\b",
            Pattern.CASE_INSENSITIVE);
    /** Notification handles in a monitor's message ({@code @webhook-3am}, {@code @pagerduty-voyager}) say who is told, not what failed. */
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w@.])@[A-Za-z][\\w.-]*");
    /**
     * Model names are names too, but they say whose model it is, which a provider rule needs: left readable, as is
     * any label value that is a model provider's API host ({@code upstream=api.openai.com}).
     */
    private static final Set<String> LEFT_READABLE = Set.of("model", "model_name", "gen_ai_request_model",
            "gen_ai_response_model", "gen_ai.request.model", "gen_ai.response.model");

    private static final Pattern SPACES_AROUND_BLOT = Pattern.compile("\\s*§(?:\\s*§)*\\s*");

    private final List<String> names;
    /** The names the alert's own words introduce ({@link DeclaredNames}), which are blotted out of its name too. */
    private final List<String> declared;

    private Identity(List<String> names, List<String> declared) {
        this.names = names;
        this.declared = declared;
    }

    /**
     * The names of an alert, in normalized form: its name labels' values, the workflow's id and aliases, and the
     * names its texts (name, title, prose) introduce themselves.
     */
    static Identity of(java.util.Map<String, String> labels, String alertWorkflow, WorkflowContext workflow,
                       java.util.Collection<String> texts) {
        List<String> declared = new ArrayList<>();
        texts.forEach(text -> DeclaredNames.in(text).forEach(name -> add(declared, name)));
        declared.sort((a, b) -> b.length() - a.length());
        List<String> names = new ArrayList<>(declared);
        labels.forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (!LEFT_READABLE.contains(lower) && !DESCRIBING_KEYS.contains(lower) && !MEASURE_KEYS.contains(lower)
                    && !ProviderRules.API_HOST.matcher(value.strip()).matches()) {
                add(names, value);
            }
        });
        add(names, alertWorkflow);
        add(names, workflow.workflow());
        workflow.aliases().forEach(alias -> add(names, alias));
        names.sort((a, b) -> b.length() - a.length());
        return new Identity(names, List.copyOf(declared));
    }

    static boolean isNameKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (MEASURE_KEYS.contains(lower)) {
            return false;
        }
        return NAME_KEYS.contains(lower) || lower.endsWith("_name") || lower.endsWith(".name") || lower.endsWith("_id")
                || lower.endsWith(".id") || lower.endsWith("_key") || lower.endsWith("_url") || lower.endsWith("_version")
                || lower.endsWith("_cluster") || lower.endsWith("_namespace");
    }

    /** Prose with generated names and known names blotted out, in {@link Words#prose} form. */
    String blotProse(String raw) {
        return blot(Words.prose(GENERATED_NAME.matcher(HANDLE.matcher(raw).replaceAll(BLOT)).replaceAll(BLOT)));
    }

    /** A title read as a name, with known names blotted out, in {@link Words#normalize} form. */
    String blotTitle(String raw) {
        return blot(Words.normalize(GENERATED_NAME.matcher(raw).replaceAll(BLOT)));
    }

    /**
     * An alert's name (alertname, rule name) in {@link Words#normalize} form without the names its texts introduce:
     * {@code RetrievalSlaMonitorSummariesTake} under "retrieval-sla monitor: …" reads {@code summaries take}.
     */
    String blotName(String raw) {
        return blot(Words.normalize(raw), declared);
    }

    /** The text without its names: words on either side of a name become neighbours ("node § not ready" → "node not ready"). */
    private String blot(String text) {
        return blot(text, names);
    }

    private static String blot(String text, List<String> names) {
        String result = text;
        for (String name : names) {
            result = replaceWords(result, name);
        }
        return result.indexOf(BLOT) < 0 ? result : SPACES_AROUND_BLOT.matcher(result).replaceAll(" ").strip();
    }

    /** {@code text} with every whole-word occurrence of {@code words} replaced by {@link #BLOT}. */
    private static String replaceWords(String text, String words) {
        int from = text.indexOf(words);
        if (from < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        while (from >= 0) {
            int end = from + words.length();
            boolean whole = (from == 0 || text.charAt(from - 1) == ' ') && (end == text.length() || text.charAt(end) == ' ');
            if (whole) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, copied, from).append(BLOT);
                copied = end;
            }
            from = text.indexOf(words, end);
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * A name counts when it cannot be an ordinary word: it has several words ({@code rag-retriever}) or a digit
     * ({@code kb7}). A service called {@code search} leaves the word "search" readable in prose.
     */
    private static void add(List<String> names, String raw) {
        if (raw == null || raw.isBlank() || raw.length() < 3) {
            return;
        }
        String normalized = Words.normalize(raw);
        if (normalized.contains(" ") || normalized.chars().anyMatch(Character::isDigit)) {
            names.add(normalized);
        }
    }
}
