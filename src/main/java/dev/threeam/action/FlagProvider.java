package dev.threeam.action;

import dev.threeam.runbook.Runbook;

/**
 * Applies a runbook rollback through one flag system (Unleash, flagd, LaunchDarkly, a webhook). OpenFeature has
 * no write API, so each system has its own adapter. Adapters never throw for a failed call or a bad setting:
 * every outcome is a {@link RollbackResult}.
 */
public interface FlagProvider {

    /** The runbook key that selects this adapter: {@code unleash}, {@code flagd}, {@code launchdarkly}, {@code webhook} */
    String name();

    RollbackResult apply(Runbook.Rollback rollback);

    /**
     * One sentence saying exactly what {@link #apply} will change, for the confirm dialog (at most
     * {@value FlagProviders#MAX_DESCRIPTION} characters): {@code Unleash: turn OFF feature support-prompt-v42 in
     * production (project default)}.
     */
    String describe(Runbook.Rollback rollback);
}
