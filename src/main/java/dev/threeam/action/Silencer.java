package dev.threeam.action;

/** Creates, extends and expires silences where the alerts come from (Alertmanager). */
public interface Silencer {

    /** Creates the silence, or updates it in place when {@code spec.id()} is set. */
    SilenceCall create(SilenceSpec spec);

    /**
     * Creates the silence once: an earlier create of this spec may have reached Alertmanager without its answer being
     * recorded (the process died in between, or the answer was lost), so the silence it made, if still active, is
     * adopted (and updated in place) instead of adding another.
     */
    default SilenceCall createOnce(SilenceSpec spec) {
        return create(spec);
    }

    /** Expires silence {@code silenceId}; one already expired counts as done. */
    SilenceCall expire(String silenceId);

    /**
     * What a call came to: {@code silenceId} the silence Alertmanager holds (when done), {@code detail} its answer or,
     * in sandbox mode, the call that would have been made.
     */
    record SilenceCall(Outcome outcome, String silenceId, String detail) {

        public enum Outcome { DONE, REFUSED, UNREACHABLE, WOULD_CALL }

        static SilenceCall done(String silenceId, String detail) {
            return new SilenceCall(Outcome.DONE, silenceId, detail);
        }

        static SilenceCall refused(String detail) {
            return new SilenceCall(Outcome.REFUSED, null, detail);
        }

        static SilenceCall unreachable(String detail) {
            return new SilenceCall(Outcome.UNREACHABLE, null, detail);
        }

        static SilenceCall wouldCall(String call) {
            return new SilenceCall(Outcome.WOULD_CALL, null, call);
        }
    }
}
