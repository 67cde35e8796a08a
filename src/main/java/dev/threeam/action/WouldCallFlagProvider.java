package dev.threeam.action;

import dev.threeam.runbook.Runbook;

/**
 * A flag API or rollback webhook in sandbox mode: answers what it would change and calls nothing, whatever the
 * settings say. {@code SANDBOX_REAL_CALLS=true} uses the real adapter instead (see {@link ExternalCalls}).
 */
final class WouldCallFlagProvider implements FlagProvider {

    private final FlagProvider real;

    WouldCallFlagProvider(FlagProvider real) {
        this.real = real;
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public RollbackResult apply(Runbook.Rollback rollback) {
        String call = real.describe(rollback);
        return RollbackResult.wouldCall(UnresolvedReference.in(rollback.settings())
                .map(reference -> call + " (" + reference + " is not set)").orElse(call));
    }

    @Override
    public String describe(Runbook.Rollback rollback) {
        return real.describe(rollback);
    }
}
