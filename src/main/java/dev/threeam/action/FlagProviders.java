package dev.threeam.action;

import dev.threeam.config.Config;
import dev.threeam.runbook.Runbook;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The flag providers 3am knows, chosen by a rollback's {@code provider} ({@code unleash}, {@code flagd},
 * {@code launchdarkly}, {@code webhook}). An unknown provider is a FAILED result, never an exception.
 */
public final class FlagProviders {

    /** Slack's confirm dialog text limit. */
    public static final int MAX_DESCRIPTION = 300;

    private final Map<String, FlagProvider> byName = new LinkedHashMap<>();

    public FlagProviders(List<FlagProvider> providers) {
        providers.forEach(provider -> byName.put(provider.name().toLowerCase(Locale.ROOT), provider));
    }

    /** The four standard adapters, configured from UNLEASH_*, LAUNCHDARKLY_* and RUNBOOKS_DIR. */
    public static FlagProviders standard(Config config) {
        return new FlagProviders(List.of(
                new UnleashFlagProvider(config.unleashUrl(), config.unleashApiToken()),
                new FlagdFlagProvider(config.runbooksDir()),
                new LaunchDarklyFlagProvider(config.launchdarklyApiUrl(), config.launchdarklyApiToken()),
                new WebhookFlagProvider()));
    }

    /** The same providers, each replaced by what {@code wrap} makes of it. */
    public FlagProviders map(UnaryOperator<FlagProvider> wrap) {
        return new FlagProviders(byName.values().stream().map(wrap).toList());
    }

    public Optional<FlagProvider> forRollback(Runbook.Rollback rollback) {
        String provider = rollback.provider() == null ? "" : rollback.provider().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(byName.get(provider));
    }

    public RollbackResult apply(Runbook.Rollback rollback) {
        return forRollback(rollback)
                .map(provider -> provider.apply(rollback))
                .orElseGet(() -> RollbackResult.failed(unknown(rollback)));
    }

    /** The provider's sentence for the confirm dialog, cut to {@value #MAX_DESCRIPTION} characters. */
    public String describe(Runbook.Rollback rollback) {
        return fit(forRollback(rollback)
                .map(provider -> provider.describe(rollback))
                .orElseGet(() -> unknown(rollback)));
    }

    static String fit(String description) {
        return dev.threeam.common.Text.clip(description, MAX_DESCRIPTION);
    }

    private String unknown(Runbook.Rollback rollback) {
        return "rollback " + rollback.id() + ": unknown provider \"" + rollback.provider() + "\" (known: "
                + String.join(", ", byName.keySet()) + ")";
    }
}
