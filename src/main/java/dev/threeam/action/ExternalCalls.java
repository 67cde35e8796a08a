package dev.threeam.action;

import dev.threeam.config.Config;
import java.nio.file.Path;

/**
 * Whether this process calls the world outside 3am, decided once from {@link Config}, and the adapters to match.
 * Production calls. Sandbox mode calls nothing outside, whatever settings are present: pagers, flag APIs, rollback
 * webhooks and the eval webhook are wrapped so that they answer what they would have sent (the thread shows it),
 * and flagd rollbacks edit copies of the flag files under {@value #FLAG_COPIES_DIR}/ in the working directory, never
 * the runbooks folder's. {@code SANDBOX_REAL_CALLS=true} opts in to real calls, and every message about one then
 * says REAL.
 *
 * <p>Every adapter that reaches outside 3am is built through here (Slack needs nothing: in sandbox mode it is the
 * local workspace, see {@link Config#slackApiUrl(int)}), Alertmanager silences ({@code ALERTMANAGER_URL}) included:
 * in sandbox mode they answer the call that would have been made.
 */
public final class ExternalCalls {

    static final String FLAG_COPIES_DIR = "sandbox-flags";

    /** How calls go out: made, shown instead of made (sandbox mode), or made from sandbox mode on request. */
    public enum Mode { PRODUCTION, SANDBOX_SHOWN, SANDBOX_REAL }

    private final Mode mode;
    private final Path flagCopies;

    /** @param flagCopies where flagd rollbacks write in {@link Mode#SANDBOX_SHOWN} */
    public ExternalCalls(Mode mode, Path flagCopies) {
        this.mode = mode;
        this.flagCopies = flagCopies;
    }

    /** Flag copies go to {@value #FLAG_COPIES_DIR}/ in the working directory. */
    public static ExternalCalls of(Config config) {
        Mode mode = !config.sandbox() ? Mode.PRODUCTION : config.sandboxRealCalls() ? Mode.SANDBOX_REAL : Mode.SANDBOX_SHOWN;
        return new ExternalCalls(mode, Path.of(FLAG_COPIES_DIR));
    }

    public Mode mode() {
        return mode;
    }

    public Pager pager(Pager real) {
        return mode == Mode.SANDBOX_SHOWN ? new WouldCallPager(real) : real;
    }

    public FlagProviders flags(FlagProviders real) {
        if (mode != Mode.SANDBOX_SHOWN) {
            return real;
        }
        return real.map(provider -> provider instanceof FlagdFlagProvider flagd
                ? flagd.editingCopiesIn(flagCopies) : new WouldCallFlagProvider(provider));
    }

    public EvalTrigger eval(EvalTrigger real) {
        return mode == Mode.SANDBOX_SHOWN ? new WouldCallEvalTrigger() : real;
    }

    /** The silencer for {@code alertmanagerUrl} (null when unset: only sandbox mode then offers would-be silences). */
    public Silencer silencer(String alertmanagerUrl) {
        return mode == Mode.SANDBOX_SHOWN || alertmanagerUrl == null ? new WouldCallSilencer(alertmanagerUrl)
                : new AlertmanagerSilencer(alertmanagerUrl);
    }

    /** Whether cards offer "Silence at the source": with {@code ALERTMANAGER_URL}, and always in sandbox mode's would-be calls. */
    public boolean silencesOffered(String alertmanagerUrl) {
        return alertmanagerUrl != null || mode == Mode.SANDBOX_SHOWN;
    }

    /** The calls made are real ones from sandbox mode: the messages about them say so. */
    public boolean realFromSandbox() {
        return mode == Mode.SANDBOX_REAL;
    }

    /** What a rollback's confirm dialog says before the provider's own sentence. */
    public String confirmNote() {
        return switch (mode) {
            case PRODUCTION -> "";
            case SANDBOX_SHOWN -> "Sandbox mode: nothing outside 3am is called. ";
            case SANDBOX_REAL -> "REAL call from sandbox mode: ";
        };
    }
}
