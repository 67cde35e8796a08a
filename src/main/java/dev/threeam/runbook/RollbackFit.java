package dev.threeam.runbook;

import dev.threeam.classify.FailureType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule that decides which rollbacks fit a failure type, used by {@code check} (the handover report), the Q3
 * buttons (fitting ones first, marked) and the drill scorer, so they can never disagree: <b>a rollback fits a failure
 * type when its {@code for} lists the type; a rollback without {@code for} fits the types its {@code kind} can undo</b>
 * ({@link #KINDS}). Where no rollback fits, the right answer to Q3 is "No rollback".
 *
 * @param type    the failure type
 * @param fitting the rollbacks that fit, in runbook order, each with why
 * @param whyNone why nothing fits, when {@code fitting} is empty (else null)
 */
public record RollbackFit(FailureType type, List<Fitting> fitting, String whyNone) {

    private static final String NONE_LISTED = "the runbook lists no rollback";

    /** The change kinds a rollback without {@code for} may undo, per failure type. */
    public static final Map<FailureType, List<String>> KINDS = Map.of(
            FailureType.QUALITY_DRIFT, List.of("prompt", "model_route", "feature_flag", "deploy"),
            FailureType.RETRIEVAL_FAILURE, List.of("retrieval_index", "data_source", "feature_flag", "deploy"),
            FailureType.TOOL_FAILURE, List.of("tool_schema", "feature_flag", "deploy"),
            FailureType.POLICY_FAILURE, List.of("prompt", "model_route", "feature_flag"),
            FailureType.COST_FAILURE, List.of("model_route", "feature_flag", "prompt"),
            FailureType.LATENCY_FAILURE, List.of("model_route", "feature_flag", "deploy"),
            FailureType.PROVIDER_OUTAGE, List.of("model_route", "feature_flag"));

    /** One rollback that fits, and why ({@code its for: lists retrieval_failure}). */
    public record Fitting(Runbook.Rollback rollback, String reason) {

        public String id() {
            return rollback.id();
        }

        /** {@code kb-index-previous (its for: lists retrieval_failure)} */
        public String explained() {
            return id() + " (" + reason + ")";
        }
    }

    public RollbackFit {
        fitting = List.copyOf(fitting);
    }

    /** Which rollbacks of {@code runbook} fit {@code type}, and why (or why none does). */
    public static RollbackFit of(Runbook runbook, FailureType type) {
        List<Fitting> fitting = new ArrayList<>();
        for (Runbook.Rollback rollback : runbook.rollbacks()) {
            reason(rollback, type).ifPresent(reason -> fitting.add(new Fitting(rollback, reason)));
        }
        return new RollbackFit(type, fitting, fitting.isEmpty() ? whyNone(runbook, type) : null);
    }

    /** No runbook, so no rollback is known. */
    public static RollbackFit noRunbook(FailureType type) {
        return new RollbackFit(type, List.of(), "no runbook matched, so no rollback is known");
    }

    /** Whether {@code rollback} fits {@code type}. */
    public static boolean fits(Runbook.Rollback rollback, FailureType type) {
        return reason(rollback, type).isPresent();
    }

    /** Why {@code rollback} fits {@code type}; empty when it does not. */
    public static Optional<String> reason(Runbook.Rollback rollback, FailureType type) {
        if (!rollback.forTypes().isEmpty()) {
            return rollback.forTypes().contains(type) ? Optional.of("its for: lists " + type.id()) : Optional.empty();
        }
        return KINDS.getOrDefault(type, List.of()).contains(rollback.kind())
                ? Optional.of("kind " + rollback.kind() + " fits " + type.id() + " (it has no for:)") : Optional.empty();
    }

    /** The rollbacks of {@code runbook}, those that fit {@code type} first, each group in runbook order. */
    public static List<Runbook.Rollback> ordered(Runbook runbook, FailureType type) {
        List<Runbook.Rollback> ordered = new ArrayList<>(runbook.rollbacks().stream().filter(r -> fits(r, type)).toList());
        ordered.addAll(runbook.rollbacks().stream().filter(r -> !fits(r, type)).toList());
        return List.copyOf(ordered);
    }

    /** True when no rollback fits: the right answer to Q3 is "No rollback". */
    public boolean none() {
        return fitting.isEmpty();
    }

    /** True when nothing fits because the runbook lists no rollback at all. */
    public boolean noneListed() {
        return NONE_LISTED.equals(whyNone);
    }

    public boolean fits(String rollbackId) {
        return fitting.stream().anyMatch(fit -> fit.id().equals(rollbackId));
    }

    public List<String> ids() {
        return fitting.stream().map(Fitting::id).toList();
    }

    /**
     * What a drill expects on Q3, with the reasons: {@code kb-index-previous (its for: lists retrieval_failure)}, several
     * joined with " or ", or {@code No rollback (…why none fits…)}.
     */
    public String expected() {
        return none() ? "No rollback (" + whyNone + ")"
                : String.join(" or ", fitting.stream().map(Fitting::explained).toList());
    }

    private static String whyNone(Runbook runbook, FailureType type) {
        if (type == FailureType.UNCLASSIFIED) {
            return "the failure type is not known yet; pick it on Q1";
        }
        if (runbook.rollbacks().isEmpty()) {
            return NONE_LISTED;
        }
        return "no rollback lists " + type.id() + " in for:, and none without for: is of kind "
                + or(KINDS.getOrDefault(type, List.of()));
    }

    private static String or(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
