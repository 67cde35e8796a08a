package dev.threeam.incident;

import dev.threeam.common.Sentence;
import java.util.List;

/** Actions pressed from the thread (pages, rollbacks, eval reruns), refused, retried, and how they came out. */
public final class ActionFacts {

    private ActionFacts() {}

    /**
     * How a rollback, a page or an eval run ended. {@code WOULD_HAVE}: a drill, nothing called for real;
     * {@code WOULD_CALL}: sandbox mode, nothing called, the detail says what would have been.
     */
    public enum Result { DONE, FAILED, WOULD_HAVE, NOT_SET, MISSING, WOULD_CALL }

    /** What every sandbox would-call says after the call: that nothing happened, and how to make it happen. */
    private static final String NOT_CALLED = ". Nothing was called (SANDBOX_REAL_CALLS=true makes real calls).";

    /** A call made for real from sandbox mode ({@code SANDBOX_REAL_CALLS=true}) says so first. */
    private static Sentence real(boolean realFromSandbox, Sentence said) {
        return realFromSandbox ? Sentence.empty().strong("REAL").then(" call from sandbox mode: ").then(said) : said;
    }

    public record OwnerPaged(String by, String role) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.empty().person(by).then(" paged the owner: ").quote(role);
        }
    }

    public record RollbackRefused(String by, String rollbackId) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Rollback ").quote(rollbackId).then(" by ").person(by).then(" refused: not allowed");
        }
    }

    public record RollbackPressed(String by, String label, boolean drill, boolean allowed) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Rollback \"").quote(label).then("\" pressed by ").person(by)
                    .then(drill ? allowed ? " (drill; allowed)" : " (drill; would NOT have been allowed)" : "");
        }
    }

    public record RollbackRetried(String by, String rollbackId) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Rollback ").quote(rollbackId).then(" retried by ").person(by);
        }
    }

    /**
     * A page or a rollback whose service did not answer (5xx, a timeout, not reached): said once, then retried with
     * backoff until it works (then its result is said) or is given up (said as failed, with a Retry button).
     * {@code service}: {@code pagerduty}, {@code opsgenie}, {@code unleash}, {@code launchdarkly}, {@code webhook};
     * {@code action}: what is retried ({@code page "engineering"}).
     */
    public record ServiceUnreachable(String service, String action, String detail) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of(serviceName(service) + " not reachable, retrying: ").quote(action).then(" (").quote(detail, 300).then(")")
                    .tone(Sentence.Tone.INFO);
        }
    }

    /** A page given up (or refused) pressed again from the thread. */
    public record PageRetried(String by, String role, Via via) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Page of ").quote(role).then(" via " + via.id() + " retried by ").person(by);
        }
    }

    /** How people know a service: {@code pagerduty} is PagerDuty. */
    public static String serviceName(String id) {
        return switch (id == null ? "" : id) {
            case "pagerduty" -> "PagerDuty";
            case "opsgenie" -> "Opsgenie";
            case "unleash" -> "Unleash";
            case "launchdarkly" -> "LaunchDarkly";
            case "webhook" -> "The rollback webhook";
            case "flagd" -> "flagd";
            case "eval" -> "The eval webhook";
            case "alertmanager" -> "Alertmanager";
            default -> String.valueOf(id);
        };
    }

    public record EvalRequested(String by) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Eval rerun requested by ").person(by);
        }
    }

    /**
     * A rollback came back. {@code detail}: the provider's answer, or for a drill or sandbox mode the call that would
     * have been made; {@code by}/{@code allowed}: who pressed it and whether they were allowed (drills say so);
     * {@code realFromSandbox}: made for real from sandbox mode.
     */
    public record RollbackFinished(String rollbackId, String label, Result result, String detail, String by, boolean allowed,
            boolean realFromSandbox) implements Fact {

        public RollbackFinished(String rollbackId, String label, Result result, String detail, String by, boolean allowed) {
            this(rollbackId, label, result, detail, by, allowed, false);
        }

        @Override
        public Sentence sentence() {
            return switch (result) {
                case DONE -> real(realFromSandbox,
                        Sentence.of("Rollback done: ").quote(label).then(" — ").quote(detail, 1500).tone(Sentence.Tone.DONE));
                case FAILED -> real(realFromSandbox,
                        Sentence.of("Rollback failed: ").quote(label).then(" — ").quote(detail, 1500).tone(Sentence.Tone.FAILED));
                case WOULD_HAVE -> Sentence.of("Would have called ").quote(detail).then("; ").person(by)
                        .then(allowed ? " was allowed to." : " was NOT allowed to.");
                case WOULD_CALL -> Sentence.empty().strong("Sandbox").then(": would roll back ").quote(label).then(" by calling ")
                        .quote(detail, 1500).then(NOT_CALLED).tone(Sentence.Tone.INFO);
                case NOT_SET, MISSING -> Sentence.of("the runbook no longer has rollback ").quote(rollbackId);
            };
        }

        /** A failed call may be tried again from the thread. */
        public boolean retryable() {
            return result == Result.FAILED;
        }
    }

    /** An eval rerun came back: started, refused, or (sandbox mode) the call that would have been made. */
    public record EvalFinished(Result result, String detail, boolean realFromSandbox) implements Fact {

        public EvalFinished(Result result, String detail) {
            this(result, detail, false);
        }

        @Override
        public Sentence sentence() {
            return switch (result) {
                case DONE -> real(realFromSandbox,
                        Sentence.of("Eval rerun started; its result will be posted here.").tone(Sentence.Tone.EVAL_STARTED));
                case FAILED -> real(realFromSandbox, Sentence.of("Eval webhook refused: ").quote(detail, 500).tone(Sentence.Tone.FAILED));
                case WOULD_CALL -> Sentence.empty().strong("Sandbox").then(": would rerun the eval by calling ").quote(detail, 1500)
                        .then(NOT_CALLED).tone(Sentence.Tone.INFO);
                default -> Sentence.of("The runbook names no eval webhook.");
            };
        }
    }

    /** Where a role was paged. */
    public enum Via { SLACK, PAGERDUTY, OPSGENIE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One paging step for a role came back. For Slack, {@code targets} are the user and group ids mentioned; for a
     * pager, {@code detail} is its answer (or, {@code NOT_SET}, the unresolved reference it would have needed; or,
     * {@code WOULD_CALL}, what sandbox mode would have sent).
     */
    public record PageFinished(String role, Via via, Result result, String detail, List<String> targets, boolean realFromSandbox)
            implements Fact {
        public PageFinished {
            targets = targets == null ? List.of() : List.copyOf(targets);
        }

        public PageFinished(String role, Via via, Result result, String detail, List<String> targets) {
            this(role, via, result, detail, targets, false);
        }

        @Override
        public Sentence sentence() {
            if (via == Via.SLACK) {
                return Sentence.of(result == Result.WOULD_HAVE ? "would have mentioned " : "mentioned ").quote(role)
                        .then(" in the thread: ").quote(String.join(", ", targets), 900);
            }
            return switch (result) {
                case DONE -> real(realFromSandbox, Sentence.of("paged ").quote(role).then(" via " + via.id() + ": ").quote(detail, 900));
                case WOULD_HAVE -> Sentence.of("Would have sent a " + via.id() + " trigger for ").quote(role);
                case NOT_SET -> Sentence.of("would page ").quote(role).then(" via " + via.id() + ", but ").quote(detail)
                        .then(" is not set");
                case WOULD_CALL -> Sentence.empty().strong("Sandbox").then(": would page ").quote(role).then(" by calling ")
                        .quote(detail, 900).then(NOT_CALLED);
                default -> real(realFromSandbox,
                        Sentence.of("could not page ").quote(role).then(" via " + via.id() + ": ").quote(detail, 900));
            };
        }

        /** A pager that failed (or was given up) may be pressed again from the thread. */
        public boolean retryable() {
            return via != Via.SLACK && result == Result.FAILED;
        }
    }
}
