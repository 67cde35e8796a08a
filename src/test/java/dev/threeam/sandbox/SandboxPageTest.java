package dev.threeam.sandbox;

import dev.threeam.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import dev.threeam.common.Json;
import dev.threeam.testing.SandboxPageClient;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxPageTest {

    private static final String SECRET = "sandbox-signing-secret";

    private final MutableClock clock = MutableClock.at("2026-11-28T02:00:00Z");
    private final SandboxWorkspace workspace = SandboxFixtures.workspace(clock);
    private final AtomicInteger samplesFired = new AtomicInteger();
    private FakeBot bot;
    private Javalin server;

    @BeforeEach
    void start() throws Exception {
        bot = new FakeBot();
        SandboxApi api = new SandboxApi(workspace);
        SandboxPage page = new SandboxPage(workspace, bot.baseUrl(), SECRET, clock, samplesFired::incrementAndGet);
        server = Javalin.create(config -> {
            api.addRoutes(config.routes);
            page.addRoutes(config.routes);
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
        bot.close();
    }

    @Test
    void a_button_press_reaches_the_bot_signed_with_the_block_actions_payload_slack_sends() throws Exception {
        SandboxMessage card = workspace.post("C0INCIDENTS", null, "INC-7 opened", Json.mapper().readTree(CARD),
                Json.mapper().readTree("{\"event_type\":\"incident_opened\",\"event_payload\":{\"incident\":\"INC-7\"}}"));

        JsonNode result = page("/sandbox/actions", Map.of("as", "U0ALICE", "container", "message",
                "channel", "C0INCIDENTS", "ts", card.ts(), "block_id", "q3", "action_id", "q3_rollback_prompt-v41"));

        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
        FakeBot.Received request = bot.last();
        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.header("X-Slack-Request-Timestamp")).isEqualTo("1795831200");
        assertThat(request.header("X-Slack-Signature")).isEqualTo(
                "v0=" + hmac(SECRET, "v0:1795831200:" + request.body()));
        assertThat(new SlackSignature.Verifier(new SlackSignature.Generator(SECRET)).isValid(
                request.header("X-Slack-Request-Timestamp"), request.body(), request.header("X-Slack-Signature"),
                clock.millis())).isTrue();

        assertThat(request.body()).startsWith("payload=");
        JsonNode payload = Json.mapper().readTree(URLDecoder.decode(request.body().substring(8), StandardCharsets.UTF_8));
        assertThat(payload.path("type").asText()).isEqualTo("block_actions");
        assertThat(payload.path("user")).isEqualTo(Json.mapper().readTree(
                "{\"id\":\"U0ALICE\",\"username\":\"alice\",\"name\":\"alice\",\"team_id\":\"T0SANDBOX\"}"));
        assertThat(payload.path("api_app_id").asText()).isEqualTo("A0THREEAM");
        assertThat(payload.path("token").asText()).isNotBlank();
        assertThat(payload.path("container")).isEqualTo(Json.mapper().readTree("{\"type\":\"message\",\"message_ts\":\""
                + card.ts() + "\",\"channel_id\":\"C0INCIDENTS\",\"is_ephemeral\":false}"));
        assertThat(payload.path("team")).isEqualTo(Json.mapper().readTree("{\"id\":\"T0SANDBOX\",\"domain\":\"sandbox\"}"));
        assertThat(payload.path("channel")).isEqualTo(Json.mapper().readTree("{\"id\":\"C0INCIDENTS\",\"name\":\"incidents\"}"));
        assertThat(payload.path("message").path("ts").asText()).isEqualTo(card.ts());
        assertThat(payload.path("message").path("blocks")).isEqualTo(card.blocks());
        assertThat(payload.path("response_url").asText()).startsWith(base() + "/sandbox/response/");
        JsonNode action = payload.path("actions").get(0);
        assertThat(action.path("action_id").asText()).isEqualTo("q3_rollback_prompt-v41");
        assertThat(action.path("block_id").asText()).isEqualTo("q3");
        assertThat(action.path("value").asText()).isEqualTo("prompt-v41");
        assertThat(action.path("type").asText()).isEqualTo("button");
        assertThat(action.path("style").asText()).isEqualTo("danger");
        assertThat(action.path("text").path("text").asText()).isEqualTo("Roll back prompt to v41");
        assertThat(action.path("action_ts").asText()).isEqualTo("1795831200.000000");

        String trigger = payload.path("trigger_id").asText();
        ObjectNode opened = new SandboxApi(workspace).call("views.open", Map.of("trigger_id", trigger,
                "view", "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"Examples\"},\"blocks\":[]}"),
                "xoxb-sandbox");
        assertThat(opened.path("ok").asBoolean()).as(opened.toString()).isTrue();
        assertThat(workspace.views().modals("U0ALICE")).hasSize(1);
    }

    @Test
    void answers_to_the_response_url_replace_the_message_or_reach_only_the_presser() throws Exception {
        SandboxMessage card = workspace.post("C0INCIDENTS", null, "INC-7", Json.mapper().readTree(CARD), null);
        page("/sandbox/actions", Map.of("as", "U0BOB", "container", "message", "channel", "C0INCIDENTS",
                "ts", card.ts(), "block_id", "q3", "action_id", "q3_rollback_prompt-v41"));
        String responseUrl = payload(bot.last()).path("response_url").asText();

        HttpResponse<String> refusal = post(responseUrl, "{\"text\":\"Only the owning role may roll back.\"}");
        post(responseUrl, "{\"replace_original\":true,\"text\":\"INC-7 rolled back\"}");

        assertThat(refusal.statusCode()).isEqualTo(200);
        assertThat(workspace.ephemerals("U0BOB")).extracting(SandboxEphemeral::text)
                .containsExactly("Only the owning role may roll back.");
        assertThat(workspace.ephemerals("U0ALICE")).isEmpty();
        assertThat(workspace.message("C0INCIDENTS", card.ts()).orElseThrow().text()).isEqualTo("INC-7 rolled back");
        assertThat(post(base() + "/sandbox/response/nope", "{\"text\":\"x\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void a_slash_command_is_sent_as_slack_sends_it_and_its_ack_shown_only_to_the_typist() throws Exception {
        bot.answerJson("{\"text\":\"No open incidents.\"}");

        JsonNode result = page("/sandbox/command", Map.of("as", "U0REVIEW1", "channel", "C0INCIDENTS",
                "text", "/ai-incident status"));

        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
        Map<String, String> form = form(bot.last().body());
        assertThat(form).containsEntry("command", "/ai-incident").containsEntry("text", "status")
                .containsEntry("user_id", "U0REVIEW1").containsEntry("user_name", "rita")
                .containsEntry("channel_id", "C0INCIDENTS").containsEntry("channel_name", "incidents")
                .containsEntry("team_id", "T0SANDBOX").containsEntry("api_app_id", "A0THREEAM")
                .containsKeys("token", "response_url", "trigger_id");
        assertThat(bot.last().header("X-Slack-Signature")).isEqualTo(
                "v0=" + hmac(SECRET, "v0:1795831200:" + bot.last().body()));
        assertThat(workspace.ephemerals("U0REVIEW1")).extracting(SandboxEphemeral::text)
                .containsExactly("No open incidents.");
    }

    @Test
    void a_modal_submission_carries_the_typed_values_and_stays_open_on_errors() throws Exception {
        String viewId = workspace.views().open(workspace.views().issueTrigger("U0ALICE"), (ObjectNode) Json.mapper()
                .readTree(MODAL)).id();
        Map<String, Object> submit = Map.of("as", "U0ALICE", "view_id", viewId,
                "values", Map.of("examples", Map.of("examples_input", "Q: refund policy?\nA: made up")));
        bot.answerJson("{\"response_action\":\"errors\",\"errors\":{\"examples\":\"Add at least one example\"}}");

        JsonNode refused = page("/sandbox/views/submit", submit);

        JsonNode payload = payload(bot.last());
        assertThat(payload.path("type").asText()).isEqualTo("view_submission");
        assertThat(payload.path("view").path("id").asText()).isEqualTo(viewId);
        assertThat(payload.path("view").path("callback_id").asText()).isEqualTo("q5_examples");
        assertThat(payload.path("view").path("private_metadata").asText()).isEqualTo("INC-7");
        assertThat(payload.path("view").path("state").path("values")).isEqualTo(Json.mapper().readTree(
                "{\"examples\":{\"examples_input\":{\"type\":\"plain_text_input\",\"value\":\"Q: refund policy?\\nA: made up\"}}}"));
        assertThat(refused.path("closed").asBoolean()).isFalse();
        assertThat(refused.path("errors").path("examples").asText()).isEqualTo("Add at least one example");
        assertThat(workspace.views().modals("U0ALICE")).hasSize(1);

        bot.answerJson("");
        JsonNode accepted = page("/sandbox/views/submit", submit);

        assertThat(accepted.path("closed").asBoolean()).isTrue();
        assertThat(workspace.views().modals("U0ALICE")).isEmpty();
    }

    @Test
    void opening_the_home_tab_sends_the_app_home_opened_event() throws Exception {
        page("/sandbox/home", Map.of("as", "U0ALICE"));

        assertThat(bot.last().header("Content-Type")).isEqualTo("application/json");
        JsonNode envelope = Json.mapper().readTree(bot.last().body());
        assertThat(envelope.path("type").asText()).isEqualTo("event_callback");
        assertThat(envelope.path("team_id").asText()).isEqualTo("T0SANDBOX");
        assertThat(envelope.path("event").path("type").asText()).isEqualTo("app_home_opened");
        assertThat(envelope.path("event").path("user").asText()).isEqualTo("U0ALICE");
        assertThat(envelope.path("event").path("tab").asText()).isEqualTo("home");
        assertThat(envelope.path("event_id").asText()).startsWith("Ev");
    }

    @Test
    void the_state_shows_each_person_only_their_own_ephemerals_modals_and_home() throws Exception {
        SandboxMessage root = workspace.post("C0INCIDENTS", null, "INC-7", null, null);
        workspace.post("C0INCIDENTS", root.ts(), "Q1 answered", null, null);
        workspace.postEphemeral("C0INCIDENTS", "U0BOB", "You may not do that.", null, root.ts());

        JsonNode bob = Json.mapper().readTree(get("/sandbox/state?as=U0BOB"));
        JsonNode alice = Json.mapper().readTree(get("/sandbox/state?as=U0ALICE"));

        assertThat(bob.path("me").path("role").asText()).isEqualTo("no permission");
        assertThat(bob.path("personas")).hasSize(3);
        assertThat(bob.path("channels").get(0).path("messages").get(0).path("replies").get(0).path("text").asText())
                .isEqualTo("Q1 answered");
        assertThat(bob.path("ephemerals")).hasSize(1);
        assertThat(alice.path("ephemerals")).isEmpty();
        assertThat(alice.path("home").isNull()).isTrue();
    }

    @Test
    void the_page_is_served_and_the_sample_button_fires_the_sample_incident() throws Exception {
        assertThat(get("/sandbox")).contains("sandbox.js");
        assertThat(get("/sandbox/sandbox.js")).contains("/sandbox/state");

        page("/sandbox/sample", Map.of());

        assertThat(samplesFired).hasValue(1);
    }

    @Test
    void pressing_a_button_that_is_not_there_is_refused_without_calling_the_bot() throws Exception {
        SandboxMessage card = workspace.post("C0INCIDENTS", null, "INC-7", Json.mapper().readTree(CARD), null);

        HttpResponse<String> answer = new SandboxPageClient(base()).post("/sandbox/actions", Json.mapper().writeValueAsString(Map.of(
                "as", "U0ALICE", "channel", "C0INCIDENTS", "ts", card.ts(), "block_id", "q9", "action_id", "x")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("no button q9/x");
        assertThat(bot.received()).isEmpty();
    }

    private static final String CARD = """
            [{"type":"header","text":{"type":"plain_text","text":"INC-7 Faithfulness dropped"}},
             {"type":"section","block_id":"q3_text","text":{"type":"mrkdwn","text":"*Is there a rollback?*"}},
             {"type":"actions","block_id":"q3","elements":[
               {"type":"button","action_id":"q3_rollback_prompt-v41","style":"danger","value":"prompt-v41",
                "text":{"type":"plain_text","text":"Roll back prompt to v41"},
                "confirm":{"title":{"type":"plain_text","text":"Roll back?"},"text":{"type":"mrkdwn","text":"Sure?"},
                           "confirm":{"type":"plain_text","text":"Roll back"},"deny":{"type":"plain_text","text":"Cancel"}}},
               {"type":"button","action_id":"q3_none","value":"none","text":{"type":"plain_text","text":"No rollback"}}]}]
            """;

    private static final String MODAL = """
            {"type":"modal","callback_id":"q5_examples","private_metadata":"INC-7",
             "title":{"type":"plain_text","text":"Failed examples"},"submit":{"type":"plain_text","text":"Add"},
             "blocks":[{"type":"input","block_id":"examples","label":{"type":"plain_text","text":"Examples"},
                        "element":{"type":"plain_text_input","action_id":"examples_input","multiline":true}}]}
            """;

    private JsonNode page(String path, Map<String, ?> body) throws Exception {
        HttpResponse<String> response = new SandboxPageClient(base()).post(path, Json.mapper().writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static JsonNode payload(FakeBot.Received request) throws Exception {
        return Json.mapper().readTree(form(request.body()).get("payload"));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).forEach(pair -> form.put(
                URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
        return form;
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(text.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }
}
