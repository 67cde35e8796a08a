package dev.threeam.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;
import dev.threeam.common.ThreeAmException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's Slack client: the page at {@code /sandbox}, its state ({@code GET /sandbox/state?as=U…}), and the
 * endpoints it calls, each of which sends the bot's {@code POST /slack/events} exactly what Slack would, signed:
 * {@code POST /sandbox/actions} (button → {@code block_actions}), {@code /sandbox/views/submit}
 * ({@code view_submission}), {@code /sandbox/views/close}, {@code /sandbox/command} (slash command),
 * {@code /sandbox/home} ({@code app_home_opened}), {@code /sandbox/sample} (fires a sample incident), and
 * {@code /sandbox/response/{id}} (the {@code response_url}s handed to the bot). Every request under {@code /sandbox}
 * passes the {@link SameOriginGuard} first and is answered with the {@link #HEADERS}.
 */
public final class SandboxPage {

    private static final Map<String, String> ASSETS = Map.of(
            "/sandbox", "index.html", "/sandbox/sandbox.js", "sandbox.js", "/sandbox/sandbox.css", "sandbox.css");
    /** Where the page carries its token (index.html: {@code <meta name="sandbox-token" content="…">}). */
    private static final String TOKEN_PLACEHOLDER = "{{SANDBOX_TOKEN}}";
    /** On every answer under /sandbox: no inline or foreign script, no framing, no sniffing, no referrer. */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
                    + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    private final SandboxWorkspace workspace;
    private final PageState state;
    private final PageInteractions interactions;
    private final ResponseUrls responseUrls;
    private final SampleIncident sampleIncident;
    private final SameOriginGuard guard;

    /** A page reached by {@code localhost} or an IP address. */
    public SandboxPage(SandboxWorkspace workspace, String botBaseUrl, String signingSecret, Clock clock,
            SampleIncident sampleIncident) {
        this(workspace, botBaseUrl, signingSecret, clock, sampleIncident, Set.of());
    }

    /**
     * @param botBaseUrl where the bot listens, e.g. {@code http://127.0.0.1:3000} ({@code /slack/events} is appended)
     * @param signingSecret the secret the bot checks Slack signatures with
     * @param hostNames names besides {@code localhost} and IP addresses that browsers may reach the page by
     */
    public SandboxPage(SandboxWorkspace workspace, String botBaseUrl, String signingSecret, Clock clock,
            SampleIncident sampleIncident, Set<String> hostNames) {
        this.workspace = workspace;
        this.state = new PageState(workspace);
        this.responseUrls = new ResponseUrls(workspace);
        this.interactions = new PageInteractions(
                workspace, new BotEndpoint(botBaseUrl, new SlackRequestSigner(signingSecret, clock)), responseUrls, clock);
        this.sampleIncident = sampleIncident;
        this.guard = new SameOriginGuard(hostNames);
    }

    public void addRoutes(RoutesConfig routes) {
        for (String path : new String[] {"/sandbox", "/sandbox/*"}) {
            routes.before(path, ctx -> {
                HEADERS.forEach(ctx::header);
                guard.check(ctx);
            });
        }
        ASSETS.forEach((path, file) -> routes.get(path, ctx -> asset(ctx, file)));
        routes.get("/sandbox/state", guarded(ctx -> send(ctx, 200, state.of(persona(ctx.queryParam("as"))))));
        routes.post("/sandbox/actions", guarded(this::press));
        routes.post("/sandbox/views/submit", guarded(ctx -> {
            JsonNode body = body(ctx);
            send(ctx, 200, interactions.submit(persona(body), text(body, "view_id"), body.path("values")));
        }));
        routes.post("/sandbox/views/close", guarded(ctx -> {
            JsonNode body = body(ctx);
            send(ctx, 200, interactions.close(persona(body), text(body, "view_id")));
        }));
        routes.post("/sandbox/command", guarded(this::command));
        routes.post("/sandbox/say", guarded(ctx -> {
            JsonNode body = body(ctx);
            SandboxMessage said = workspace.postAs(persona(body).id(), body.path("channel").asText(SandboxWorkspace.INCIDENTS_CHANNEL),
                    dev.threeam.common.Text.cap(text(body, "text"), 4000));
            send(ctx, 200, SlackJson.ok().put("ts", said.ts()));
        }));
        routes.post("/sandbox/shortcut", guarded(ctx -> {
            JsonNode body = body(ctx);
            send(ctx, 200, interactions.shortcut(persona(body), text(body, "channel"), text(body, "ts"), text(body, "callback_id"),
                    baseUrl(ctx)));
        }));
        routes.post("/sandbox/home", guarded(ctx -> send(ctx, 200, interactions.openHome(persona(body(ctx))))));
        routes.post("/sandbox/sample", guarded(ctx -> {
            sampleIncident.fire();
            send(ctx, 200, SlackJson.ok());
        }));
        routes.post(ResponseUrls.PATH + "{id}", this::respond);
    }

    private void press(Context ctx) {
        JsonNode body = body(ctx);
        String container = body.path("container").asText("message");
        send(ctx, 200, interactions.press(persona(body), container,
                body.path("channel").asText(null), body.path("ts").asText(null), body.path("view_id").asText(null),
                text(body, "block_id"), text(body, "action_id"), baseUrl(ctx), body.path("selected").asText(null)));
    }

    private void command(Context ctx) {
        JsonNode body = body(ctx);
        String typed = body.path("text").asText("").strip();
        String command = body.path("command").asText("/ai-incident");
        if (typed.startsWith("/")) {
            int space = typed.indexOf(' ');
            command = space < 0 ? typed : typed.substring(0, space);
            typed = space < 0 ? "" : typed.substring(space + 1).strip();
        }
        String channel = body.path("channel").asText(SandboxWorkspace.INCIDENTS_CHANNEL);
        send(ctx, 200, interactions.command(persona(body), channel, command, typed, baseUrl(ctx)));
    }

    private void respond(Context ctx) {
        String id = ctx.pathParam("id");
        var target = responseUrls.target(id);
        if (target.isEmpty()) {
            send(ctx, 404, SlackJson.object().put("ok", false).put("error", "expired_url"));
            return;
        }
        workspace.record(new SandboxCall("response_url", Map.of("id", id, "body", ctx.body())));
        try {
            responseUrls.answer(target.get(), body(ctx));
            send(ctx, 200, SlackJson.ok());
        } catch (SlackApiError | BadInputException error) {
            send(ctx, 400, SlackJson.object().put("ok", false).put("error", error.getMessage()));
        }
    }

    private SandboxUser persona(JsonNode body) {
        return persona(body.path("as").asText(null));
    }

    private SandboxUser persona(String id) {
        if (id == null || id.isBlank()) {
            return workspace.users().stream().findFirst()
                    .orElseThrow(() -> new BadInputException("as: the sandbox has no personas"));
        }
        return workspace.users().stream().filter(user -> user.id().equals(id)).findFirst()
                .orElseThrow(() -> new BadInputException("as: no persona " + id));
    }

    /** Page endpoints answer JSON even when they fail: 400 for a bad request, 502 when the bot cannot be reached. */
    private static Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (BadInputException | SlackApiError error) {
                send(ctx, 400, SlackJson.object().put("ok", false).put("error", error.getMessage()));
            } catch (ThreeAmException error) {
                send(ctx, 502, SlackJson.object().put("ok", false).put("error", error.getMessage()));
            }
        };
    }

    private static JsonNode body(Context ctx) {
        String body = ctx.body();
        try {
            JsonNode json = Json.mapper().readTree(body.isBlank() ? "{}" : body);
            if (!json.isObject()) {
                throw new BadInputException("body: expected a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new BadInputException("body: not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadInputException(field + ": required");
        }
        return value.asText();
    }

    private static String baseUrl(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    private void asset(Context ctx, String file) throws IOException {
        try (InputStream in = SandboxPage.class.getResourceAsStream("/sandbox/" + file)) {
            if (in == null) {
                throw new ThreeAmException("missing resource /sandbox/" + file);
            }
            String type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "text/html";
            byte[] content = in.readAllBytes();
            if (file.equals("index.html")) {
                content = new String(content, StandardCharsets.UTF_8).replace(TOKEN_PLACEHOLDER, guard.token()).getBytes(StandardCharsets.UTF_8);
            }
            ctx.contentType(type + "; charset=utf-8").header("Cache-Control", "no-store").result(content);
        }
    }

    private static void send(Context ctx, int status, ObjectNode json) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8")
                    .result(Json.mapper().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new ThreeAmException("cannot write the answer to " + ctx.path(), e);
        }
    }
}
