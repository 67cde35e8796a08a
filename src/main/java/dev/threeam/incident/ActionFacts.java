package dev.threeam.incident;

import dev.threeam.common.Sentence;
import java.util.List;

/** Actions pressed from the thread (pages, rollbacks, eval reruns), refused, retried, and how they came out. */
public final class ActionFacts {

    private ActionFacts() {}

    /** How a rollback, a page or an eval run ended. {@code WOULD_HAVE}: a drill, nothing called for real. */
    public enum Result { DONE, FAILED, WOULD_HAVE, NOT_SET, MISSING }

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
     * A rollback came back. {@code detail}: the provider's answer, or for a drill the call that would have been made;
     * {@code by}/{@code allowed}: who pressed it and whether they were allowed (drills say so).
     */
    public record RollbackFinished(String rollbackId, String label, Result result, String detail, String by, boolean allowed)
            implements Fact {
        @Override
        public Sentence sentence() {
            return switch (result) {
                case DONE -> Sentence.of("Rollback done: ").quote(label).then(" — ").quote(detail, 1500).tone(Sentence.Tone.DONE);
                case FAILED -> Sentence.of("Rollback failed: ").quote(label).then(" — ").quote(detail, 1500).tone(Sentence.Tone.FAILED);
                case WOULD_HAVE -> Sentence.of("DRILL: would have called ").quote(detail).then("; ").person(by)
                        .then(allowed ? " was allowed to." : " was NOT allowed to.");
                case NOT_SET, MISSING -> Sentence.of("the runbook no longer has rollback ").quote(rollbackId);
            };
        }

        /** A failed call may be tried again from the thread. */
        public boolean retryable() {
            return result == Result.FAILED;
        }
    }

    public record EvalFinished(Result result, String detail) implements Fact {
        @Override
        public Sentence sentence() {
            return switch (result) {
                case DONE -> Sentence.of("Eval rerun started; its result will be posted here.").tone(Sentence.Tone.EVAL_STARTED);
                case FAILED -> Sentence.of("Eval webhook refused: ").quote(detail, 500).tone(Sentence.Tone.FAILED);
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
     * pager, {@code detail} is its answer (or, {@code NOT_SET}, the unresolved reference it would have needed).
     */
    public record PageFinished(String role, Via via, Result result, String detail, List<String> targets) implements Fact {
        public PageFinished {
            targets = targets == null ? List.of() : List.copyOf(targets);
        }

        @Override
        public Sentence sentence() {
            if (via == Via.SLACK) {
                return Sentence.of("mentioned ").quote(role).then(" in the thread: ").quote(String.join(", ", targets), 900);
            }
            return switch (result) {
                case DONE -> Sentence.of("paged ").quote(role).then(" via " + via.id() + ": ").quote(detail, 900);
                case WOULD_HAVE -> Sentence.of("DRILL: would have sent a " + via.id() + " trigger for ").quote(role);
                case NOT_SET -> Sentence.of("would page ").quote(role).then(" via " + via.id() + ", but ").quote(detail)
                        .then(" is not set");
                default -> Sentence.of("could not page ").quote(role).then(" via " + via.id() + ": ").quote(detail, 900);
            };
        }

        /** A pager that failed (or was given up) may be pressed again from the thread. */
        public boolean retryable() {
            return via != Via.SLACK && result == Result.FAILED;
        }
    }
}
