package dev.threeam.sandbox;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.Views;
import dev.threeam.common.Json;
import dev.threeam.testing.SandboxPageClient;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox against a real Bolt app on the same server, as in sandbox mode: Bolt checks and parses what we send. */
class SandboxWithBoltTest {

    private static final String SECRET = "sandbox-signing-secret";

    private final SandboxWorkspace workspace = SandboxFixtures.workspace(Clock.systemUTC());
    private final List<String> submitted = new CopyOnWriteArrayList<>();
    private Javalin server;
    private Slack slack;
    private int port;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(base() + SandboxApi.PATH_PREFIX);
        config.getMethodsConfig().setExecutorName("sandbox-bolt-test-" + UUID.randomUUID());
        slack = Slack.getInstance(config);
        App app = new App(AppConfig.builder().singleTeamBotToken("xoxb-sandbox").signingSecret(SECRET).slack(slack).build());
        app.blockAction("q5_blocking", (request, ctx) -> {
            ctx.client().viewsOpen(open -> open.triggerId(request.getPayload().getTriggerId()).view(Views.view(view -> view
                    .type("modal").callbackId("q5_examples").privateMetadata("INC-7")
                    .title(Views.viewTitle(title -> title.type("plain_text").text("Failed examples")))
                    .submit(Views.viewSubmit(submit -> submit.type("plain_text").text("Add")))
                    .blocks(List.of(input(in -> in.blockId("examples").label(plainText("Examples"))
                            .element(plainTextInput(text -> text.actionId("examples_input").multiline(true)))))))));
            ctx.respond("Recorded: blocking set, by <@" + request.getPayload().getUser().getId() + ">");
            return ctx.ack();
        });
        app.viewSubmission("q5_examples", (request, ctx) -> {
            submitted.add(request.getPayload().getView().getPrivateMetadata() + ": " + request.getPayload().getView()
                    .getState().getValues().get("examples").get("examples_input").getValue());
            return ctx.ack();
        });
        app.command("/ai-incident", (request, ctx) -> ctx.ack("Open incidents: none (asked by "
                + request.getPayload().getUserName() + ")"));
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            ctx.client().viewsPublish(publish -> publish.userId(payload.getEvent().getUser()).view(Views.view(view -> view
                    .type("home").blocks(List.of(header(h -> h.text(plainText("Open incidents"))))))));
            return ctx.ack();
        });
        SlackRequestParser parser = new SlackRequestParser(app.config());
        SandboxApi api = new SandboxApi(workspace);
        SandboxPage page = new SandboxPage(workspace, base(), SECRET, Clock.systemUTC(), () -> { });
        server = Javalin.create(cfg -> {
            api.addRoutes(cfg.routes);
            page.addRoutes(cfg.routes);
            cfg.routes.post("/slack/events", ctx -> bolt(app, parser, ctx));
        }).start("127.0.0.1", port);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        slack.close();
    }

    @Test
    void a_press_opens_the_bots_modal_and_its_submission_reaches_the_bot() throws Exception {
        SandboxMessage card = workspace.post("C0INCIDENTS", null, "INC-7", Json.mapper().readTree("""
                [{"type":"actions","block_id":"q5","elements":[{"type":"button","action_id":"q5_blocking",
                  "value":"blocking","text":{"type":"plain_text","text":"Blocking set"}}]}]"""), null);

        JsonNode pressed = page("/sandbox/actions", Map.of("as", "U0ALICE", "channel", "C0INCIDENTS",
                "ts", card.ts(), "block_id", "q5", "action_id", "q5_blocking"));

        assertThat(pressed.path("ok").asBoolean()).as(pressed.toString()).isTrue();
        assertThat(workspace.ephemerals("U0ALICE")).extracting(SandboxEphemeral::text)
                .containsExactly("Recorded: blocking set, by <@U0ALICE>");
        SandboxView modal = workspace.views().modals("U0ALICE").get(0);

        JsonNode submittedAnswer = page("/sandbox/views/submit", Map.of("as", "U0ALICE", "view_id", modal.id(),
                "values", Map.of("examples", Map.of("examples_input", "Q: can I get a refund?"))));

        assertThat(submittedAnswer.path("closed").asBoolean()).as(submittedAnswer.toString()).isTrue();
        assertThat(submitted).containsExactly("INC-7: Q: can I get a refund?");
        assertThat(workspace.views().modals("U0ALICE")).isEmpty();
    }

    @Test
    void slash_commands_and_the_home_tab_work_through_bolt() throws Exception {
        page("/sandbox/command", Map.of("as", "U0BOB", "channel", "C0INCIDENTS", "text", "status"));
        page("/sandbox/home", Map.of("as", "U0REVIEW1"));

        assertThat(workspace.ephemerals("U0BOB")).extracting(SandboxEphemeral::text)
                .containsExactly("Open incidents: none (asked by bob)");
        assertThat(workspace.views().home("U0REVIEW1")).isPresent();
    }

    private static void bolt(App app, SlackRequestParser parser, Context ctx) throws Exception {
        Map<String, List<String>> headers = ctx.headerMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue())));
        Response response = app.run(parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path())
                .queryString(ctx.queryParamMap())
                .headers(new RequestHeaders(headers))
                .requestBody(ctx.body())
                .remoteAddress(ctx.ip())
                .build()));
        ctx.status(response.getStatusCode());
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }

    private JsonNode page(String path, Map<String, ?> body) throws Exception {
        HttpResponse<String> response = new SandboxPageClient(base()).post(path, Json.mapper().writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
