package dev.threeam.action;

import dev.threeam.common.BadInputException;
import dev.threeam.runbook.Runbook;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a LaunchDarkly flag off (or on) in one environment with a semantic patch:
 * {@code PATCH /api/v2/flags/{project}/{flag}}, {@code {"environmentKey","comment","instructions":[{"kind":
 * "turnFlagOff"}]}}. Runbook block: {@code {project: default, flag: …, environment: production, action: "off"}}.
 */
public final class LaunchDarklyFlagProvider implements FlagProvider {

    /** Without the domain-model suffix LaunchDarkly reads the body as a JSON Patch and refuses it. */
    static final String SEMANTIC_PATCH = "application/json; domain-model=launchdarkly.semanticpatch";

    private final String baseUrl;
    private final String token;
    private final HttpClient client;

    /**
     * @param baseUrl {@code LAUNCHDARKLY_API_URL}, or null
     * @param token   {@code LAUNCHDARKLY_API_TOKEN} (sent as is, no Bearer), or null
     */
    public LaunchDarklyFlagProvider(String baseUrl, String token) {
        this(baseUrl, token, ProviderHttp.sharedClient());
    }

    public LaunchDarklyFlagProvider(String baseUrl, String token, HttpClient client) {
        this.baseUrl = ProviderHttp.withoutTrailingSlash(baseUrl);
        this.token = token;
        this.client = client;
    }

    @Override
    public String name() {
        return "launchdarkly";
    }

    @Override
    public String describe(Runbook.Rollback rollback) {
        try {
            Target target = Target.of(rollback);
            return FlagProviders.fit("LaunchDarkly: turn " + target.action.toUpperCase(Locale.ROOT) + " flag "
                    + target.flag + " in " + target.environment + " (project " + target.project + ")");
        } catch (BadInputException e) {
            return FlagProviders.fit("LaunchDarkly: cannot run: " + e.getMessage());
        }
    }

    @Override
    public RollbackResult apply(Runbook.Rollback rollback) {
        Optional<RollbackResult> refusal = Preflight.refusal(rollback, baseUrl, "LAUNCHDARKLY_API_URL", token, "LAUNCHDARKLY_API_TOKEN");
        if (refusal.isPresent()) {
            return refusal.get();
        }
        try {
            Target target = Target.of(rollback);
            HttpRequest request = ProviderHttp.request(baseUrl + "/api/v2/flags/" + ProviderHttp.segment(target.project)
                            + "/" + ProviderHttp.segment(target.flag))
                    .header("Authorization", token)
                    .header("Content-Type", SEMANTIC_PATCH)
                    .method("PATCH", ProviderHttp.json(body(rollback.id(), target)))
                    .build();
            ProviderAnswer answer = ProviderHttp.send(client, request);
            String what = "LaunchDarkly turned " + target.action.toUpperCase(Locale.ROOT) + " " + target.flag + " in "
                    + target.environment;
            return answer.isSuccess()
                    ? RollbackResult.done(what + ": " + answer)
                    : RollbackResult.refused("LaunchDarkly", answer);
        } catch (BadInputException e) {
            return RollbackResult.failed(e.getMessage());
        } catch (IOException e) {
            return RollbackResult.unreachable(ProviderHttp.notReached("LaunchDarkly", e));
        }
    }

    private static Map<String, Object> body(String rollbackId, Target target) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("environmentKey", target.environment);
        body.put("comment", "3am rollback " + rollbackId);
        body.put("instructions", List.of(Map.of("kind", target.action.equals("on") ? "turnFlagOn" : "turnFlagOff")));
        return body;
    }

    /** What one rollback names: project defaults to {@code default}, action to {@code off}. */
    private record Target(String project, String flag, String environment, String action) {
        static Target of(Runbook.Rollback rollback) {
            RollbackSettings settings = new RollbackSettings(rollback);
            return new Target(settings.text("project", "default"), settings.required("flag"),
                    settings.required("environment"), settings.action());
        }
    }
}
