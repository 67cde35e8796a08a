package dev.threeam.runbook;

import dev.threeam.classify.ClassifyRule;
import dev.threeam.classify.FailureType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One AI workflow's runbook: the front matter the bot executes, and the body's sections people read.
 * {@code ${NAME}} references are already resolved (or left as they are where the environment lacks them:
 * see {@link #unresolved()}).
 */
public record Runbook(
        String workflow,
        String title,
        List<String> aliases,
        String channel,
        Map<String, Owner> owners,
        Map<FailureType, List<String>> escalation,
        List<QualitySignal> qualitySignals,
        Map<String, Double> budgets,
        Map<String, Double> latency,
        Duration changesWindow,
        List<ClassifyRule> classify,
        EvalSpec eval,
        List<Rollback> rollbacks,
        List<String> knownLimits,
        Map<FailureType, String> sections,
        List<String> unresolved,
        Path file,
        Telemetry telemetry) {

    public static final Duration DEFAULT_CHANGES_WINDOW = Duration.ofHours(24);
    /** A tool's name as runbooks write it in their Tool failure section: snake_case in backticks ({@code `apply_tracked_changes`}). */
    private static final java.util.regex.Pattern BACKTICKED_NAME = java.util.regex.Pattern.compile("`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`");

    public Runbook {
        aliases = List.copyOf(aliases);
        owners = Map.copyOf(owners);
        escalation = Map.copyOf(escalation);
        qualitySignals = List.copyOf(qualitySignals);
        budgets = Map.copyOf(budgets);
        latency = Map.copyOf(latency);
        changesWindow = changesWindow == null ? DEFAULT_CHANGES_WINDOW : changesWindow;
        classify = List.copyOf(classify);
        rollbacks = List.copyOf(rollbacks);
        knownLimits = List.copyOf(knownLimits);
        sections = Map.copyOf(sections);
        unresolved = List.copyOf(unresolved);
        telemetry = telemetry == null ? Telemetry.NONE : telemetry;
    }

    /** A runbook that asks nothing of telemetry beyond its thresholds' defaults. */
    public Runbook(String workflow, String title, List<String> aliases, String channel, Map<String, Owner> owners,
                   Map<FailureType, List<String>> escalation, List<QualitySignal> qualitySignals, Map<String, Double> budgets,
                   Map<String, Double> latency, Duration changesWindow, List<ClassifyRule> classify, EvalSpec eval,
                   List<Rollback> rollbacks, List<String> knownLimits, Map<FailureType, String> sections,
                   List<String> unresolved, Path file) {
        this(workflow, title, aliases, channel, owners, escalation, qualitySignals, budgets, latency, changesWindow, classify,
                eval, rollbacks, knownLimits, sections, unresolved, file, Telemetry.NONE);
    }

    /**
     * The tools the body's {@code ## Tool failure} section names, snake_case in backticks: what people read there as
     * "these are our tools" the classifier reads the same way.
     */
    public List<String> toolsNamed() {
        return namedIn(FailureType.TOOL_FAILURE);
    }

    /**
     * The graders and metrics the body's {@code ## Quality drift} section names, snake_case in backticks
     * ({@code fact_grounding}): what the team measures its output's quality by, beside {@code quality_signals}. A tool
     * its Tool failure section names too ("duty estimates vs {@code duty_calc} output") is a tool, not a measure.
     */
    public List<String> qualityMeasuresNamed() {
        List<String> tools = toolsNamed();
        return namedIn(FailureType.QUALITY_DRIFT).stream().filter(name -> !tools.contains(name)).toList();
    }

    private List<String> namedIn(FailureType type) {
        String section = sections.get(type);
        if (section == null) {
            return List.of();
        }
        List<String> names = new java.util.ArrayList<>();
        java.util.regex.Matcher matcher = BACKTICKED_NAME.matcher(section);
        while (matcher.find()) {
            if (!names.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The roles to wake for this failure type, the owner first. */
    public List<String> rolesFor(FailureType type) {
        List<String> roles = escalation.get(type);
        if (roles != null && !roles.isEmpty()) {
            return roles;
        }
        return owningRole(type).map(List::of).orElse(List.of());
    }

    /**
     * The role that owns an incident of this type: the first in {@code escalation.<type>}; for
     * {@code unclassified}, {@code escalation.unclassified}, else {@code engineering}, else the first owner.
     */
    public Optional<String> owningRole(FailureType type) {
        List<String> roles = escalation.get(type);
        if (roles != null && !roles.isEmpty()) {
            return Optional.of(roles.get(0));
        }
        if (type != FailureType.UNCLASSIFIED) {
            return Optional.empty();
        }
        if (owners.containsKey("engineering")) {
            return Optional.of("engineering");
        }
        return owners.keySet().stream().sorted().findFirst();
    }

    public Optional<Owner> owner(String role) {
        return Optional.ofNullable(owners.get(role));
    }

    public Optional<Rollback> rollback(String id) {
        return rollbacks.stream().filter(rollback -> rollback.id().equals(id)).findFirst();
    }

    public Optional<String> section(FailureType type) {
        return Optional.ofNullable(sections.get(type));
    }

    /** Who may act for a role: Slack user ids (U…/W…) and user group ids (S…), and where to page them. */
    public record Owner(String role, List<String> slack, String pagerduty, String opsgenie) {
        public Owner {
            slack = slack == null ? List.of() : List.copyOf(slack);
        }
    }

    /** {@code {metric: faithfulness, threshold: ">= 0.85"}}, optionally with {@code window}, {@code for}, {@code min_samples}. */
    public record QualitySignal(String metric, String threshold, Telemetry.Evaluation evaluation) {
        public QualitySignal {
            evaluation = evaluation == null ? Telemetry.Evaluation.DEFAULTS : evaluation;
        }

        public QualitySignal(String metric, String threshold) {
            this(metric, threshold, Telemetry.Evaluation.DEFAULTS);
        }
    }

    /** How to rerun the workflow's eval: a webhook that receives {@code {"incident","workflow"}}, or a command. */
    public record EvalSpec(String webhook, String command) {}

    /**
     * One rollback a button on Q3 can trigger.
     *
     * @param provider  {@code unleash}, {@code flagd}, {@code launchdarkly} or {@code webhook}
     * @param settings  the provider's block as written ({@code {project, feature, environment, action}} …),
     *                  references resolved
     * @param allowed   Slack users and user groups who may press it; empty means the owning role's members
     * @param forTypes  the failure types it is the right answer for
     */
    public record Rollback(
            String id,
            String label,
            String kind,
            List<FailureType> forTypes,
            String provider,
            Map<String, Object> settings,
            List<String> allowed) {
        public Rollback {
            forTypes = List.copyOf(forTypes);
            settings = Map.copyOf(settings);
            allowed = List.copyOf(allowed);
        }
    }
}
