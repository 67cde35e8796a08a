package dev.threeam.action;

import static dev.threeam.action.PagerDutyPagerTest.json;
import static dev.threeam.action.Rollbacks.rollback;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.action.FakeApi.Received;
import dev.threeam.action.FakeApi.Reply;
import dev.threeam.runbook.Runbook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LaunchDarklyFlagProviderTest {

    static final String TOKEN = "api-4b8ab6e1-d4d3-4c0e-a0f9-000000000000";

    private final FakeApi launchDarkly = new FakeApi(LaunchDarklyFlagProviderTest::flagsApi);

    @AfterEach
    void stop() {
        launchDarkly.close();
    }

    /**
     * Answers like LaunchDarkly's REST API: the raw token (no Bearer), and a semantic patch only with the
     * {@code domain-model} content type; without it the body is a JSON Patch, and an object is not one.
     */
    private static Reply flagsApi(Received request) {
        if (!TOKEN.equals(request.header("Authorization"))) {
            return new Reply(401, "{\"code\":\"unauthorized\",\"message\":\"Invalid access token\"}");
        }
        if (!request.method().equals("PATCH") || !request.path().startsWith("/api/v2/flags/")) {
            return new Reply(405, "{\"code\":\"method_not_allowed\"}");
        }
        String contentType = request.header("Content-Type");
        if (contentType == null || !contentType.contains("domain-model=launchdarkly.semanticpatch")) {
            return new Reply(400, "{\"code\":\"invalid_request\",\"message\":\"Invalid JSON Patch: expected an array\"}");
        }
        if (!request.path().equals("/api/v2/flags/default/rag-v2")) {
            return new Reply(404, "{\"code\":\"not_found\",\"message\":\"Unknown resource\"}");
        }
        JsonNode patch = json(request.body());
        String kind = patch.path("instructions").path(0).path("kind").asText();
        if (!patch.path("environmentKey").asText().equals("production")
                || !Set.of("turnFlagOn", "turnFlagOff").contains(kind)) {
            return new Reply(400, "{\"code\":\"invalid_request\",\"message\":\"bad semantic patch\"}");
        }
        return new Reply(200, "{\"key\":\"rag-v2\",\"environments\":{\"production\":{\"on\":"
                + kind.equals("turnFlagOn") + "}}}");
    }

    private static Runbook.Rollback ragOff(String flag) {
        return rollback("launchdarkly", Map.of("project", "default", "flag", flag, "environment", "production",
                "action", "off"));
    }

    @Test
    void turning_a_flag_off_sends_a_semantic_patch() {
        RollbackResult result = new LaunchDarklyFlagProvider(launchDarkly.url(), TOKEN).apply(ragOff("rag-v2"));

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.DONE);
        assertThat(result.detail()).contains("rag-v2", "HTTP 200");
        Received received = launchDarkly.only();
        assertThat(received.method()).isEqualTo("PATCH");
        assertThat(received.path()).isEqualTo("/api/v2/flags/default/rag-v2");
        assertThat(received.header("Authorization")).isEqualTo(TOKEN);
        assertThat(received.header("Content-Type"))
                .isEqualTo("application/json; domain-model=launchdarkly.semanticpatch");
        JsonNode patch = json(received.body());
        assertThat(patch.path("environmentKey").asText()).isEqualTo("production");
        assertThat(patch.path("comment").asText()).isEqualTo("3am rollback prompt-v41");
        assertThat(patch.path("instructions").toString()).isEqualTo("[{\"kind\":\"turnFlagOff\"}]");
    }

    @Test
    void action_on_sends_turn_flag_on() {
        Runbook.Rollback on = rollback("launchdarkly", Map.of("flag", "rag-v2", "environment", "production",
                "action", "on"));

        assertThat(new LaunchDarklyFlagProvider(launchDarkly.url(), TOKEN).apply(on).isDone()).isTrue();
        assertThat(json(launchDarkly.only().body()).path("instructions").path(0).path("kind").asText())
                .isEqualTo("turnFlagOn");
    }

    @Test
    void a_wrong_token_fails_with_401() {
        RollbackResult result = new LaunchDarklyFlagProvider(launchDarkly.url(), "Bearer " + TOKEN).apply(ragOff("rag-v2"));

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.FAILED);
        assertThat(result.detail()).contains("401", "Invalid access token");
    }

    @Test
    void an_unknown_flag_fails_with_404() {
        RollbackResult result = new LaunchDarklyFlagProvider(launchDarkly.url(), TOKEN).apply(ragOff("rag-v9"));

        assertThat(result.outcome()).isEqualTo(RollbackResult.Outcome.FAILED);
        assertThat(result.detail()).contains("404");
    }

    @Test
    void without_a_token_nothing_is_called() {
        RollbackResult result = new LaunchDarklyFlagProvider(launchDarkly.url(), null).apply(ragOff("rag-v2"));

        assertThat(result.detail()).isEqualTo("not called: LAUNCHDARKLY_API_TOKEN is not set");
        assertThat(launchDarkly.received()).isEmpty();
    }

    @Test
    void the_fake_like_launchdarkly_refuses_a_semantic_patch_sent_as_plain_json() throws Exception {
        HttpRequest plainJson = HttpRequest.newBuilder(URI.create(launchDarkly.url() + "/api/v2/flags/default/rag-v2"))
                .header("Authorization", TOKEN)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"environmentKey\":\"production\",\"instructions\":[{\"kind\":\"turnFlagOff\"}]}"))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(plainJson, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void describe_names_flag_environment_and_project() {
        assertThat(new LaunchDarklyFlagProvider(null, null).describe(ragOff("rag-v2")))
                .isEqualTo("LaunchDarkly: turn OFF flag rag-v2 in production (project default)");
    }
}
