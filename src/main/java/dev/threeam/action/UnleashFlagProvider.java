package dev.threeam.action;

import dev.threeam.common.BadInputException;
import dev.threeam.runbook.Runbook;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an Unleash feature off (or on) in one environment through the admin API:
 * {@code POST /api/admin/projects/{project}/features/{feature}/environments/{env}/off}. Runbook block:
 * {@code {project: default, feature: …, environment: production, action: "off"}}.
 */
public final class UnleashFlagProvider implements FlagProvider {

    private final String baseUrl;
    private final String token;
    private final HttpClient client;

    /**
     * @param baseUrl {@code UNLEASH_URL}, or null
     * @param token   {@code UNLEASH_API_TOKEN} (an admin token), or null
     */
    public UnleashFlagProvider(String baseUrl, String token) {
        this(baseUrl, token, ProviderHttp.sharedClient());
    }

    public UnleashFlagProvider(String baseUrl, String token, HttpClient client) {
        this.baseUrl = ProviderHttp.withoutTrailingSlash(baseUrl);
        this.token = token;
        this.client = client;
    }

    @Override
    public String name() {
        return "unleash";
    }

    @Override
    public String describe(Runbook.Rollback rollback) {
        try {
            Target target = Target.of(rollback);
            return FlagProviders.fit("Unleash: turn " + target.action.toUpperCase(Locale.ROOT) + " feature "
                    + target.feature + " in " + target.environment + " (project " + target.project + ")");
        } catch (BadInputException e) {
            return FlagProviders.fit("Unleash: cannot run: " + e.getMessage());
        }
    }

    @Override
    public RollbackResult apply(Runbook.Rollback rollback) {
        Optional<RollbackResult> refusal = Preflight.refusal(rollback, baseUrl, "UNLEASH_URL", token, "UNLEASH_API_TOKEN");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        try {
            Target target = Target.of(rollback);
            HttpRequest request = ProviderHttp.request(baseUrl + target.path())
                    .header("Authorization", token)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            ProviderAnswer answer = ProviderHttp.send(client, request);
            String what = "Unleash turned " + target.action.toUpperCase(Locale.ROOT) + " " + target.feature + " in "
                    + target.environment;
            return answer.isSuccess()
                    ? RollbackResult.done(what + ": " + answer)
                    : RollbackResult.refused("Unleash", answer);
        } catch (BadInputException e) {
            return RollbackResult.failed(e.getMessage());
        } catch (IOException e) {
            return RollbackResult.unreachable(ProviderHttp.notReached("Unleash", e));
        }
    }

    /** What one rollback names: project defaults to {@code default}, action to {@code off}. */
    private record Target(String project, String feature, String environment, String action) {
        static Target of(Runbook.Rollback rollback) {
            RollbackSettings settings = new RollbackSettings(rollback);
            return new Target(settings.text("project", "default"), settings.required("feature"),
                    settings.required("environment"), settings.action());
        }

        String path() {
            return "/api/admin/projects/" + ProviderHttp.segment(project) + "/features/" + ProviderHttp.segment(feature)
                    + "/environments/" + ProviderHttp.segment(environment) + "/" + action;
        }
    }
}
