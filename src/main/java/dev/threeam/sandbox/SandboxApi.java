package dev.threeam.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threeam.common.Json;
import dev.threeam.common.ThreeAmException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's Slack Web API at {@code /sandbox/api/{method}} (POST or GET): form-encoded or JSON arguments, a token
 * in {@code Authorization: Bearer …} or a {@code token} field, answers {@code {"ok":true,…}} or
 * {@code {"ok":false,"error":"…"}} with HTTP 200, as Slack does. Every call is recorded in the workspace.
 */
public final class SandboxApi {

    /** Point slack-api-client's methods endpoint here, after the server's base URL. */
    public static final String PATH_PREFIX = "/sandbox/api/";

    private final SandboxWorkspace workspace;
    private final String botToken;
    private final Map<String, ApiMethod> methods = new HashMap<>();

    /** A stand-in for Slack that takes any token (tests' fake Slack). */
    public SandboxApi(SandboxWorkspace workspace) {
        this(workspace, null);
    }

    /** The sandbox's Slack: takes only {@code botToken} (this process's), so nothing else can post into it. */
    public SandboxApi(SandboxWorkspace workspace, String botToken) {
        this.workspace = workspace;
        this.botToken = botToken;
        new ChatMethods(workspace).register(methods);
        new ConversationMethods(workspace).register(methods);
        new ViewMethods(workspace.views()).register(methods);
        new DirectoryMethods(workspace).register(methods);
        new FileMethods(workspace).register(methods);
        new CanvasMethods(workspace).register(methods);
    }

    public void addRoutes(RoutesConfig routes) {
        routes.post(PATH_PREFIX + "{method}", this::handle);
        routes.get(PATH_PREFIX + "{method}", this::handle);
        FileMethods.addRoutes(routes, workspace.files());
    }

    /** Answers one call as JSON (what the route does; usable without a server). */
    public ObjectNode call(String method, Map<String, String> arguments, String bearerToken) {
        return call(method, arguments, bearerToken, null);
    }

    private ObjectNode call(String method, Map<String, String> arguments, String bearerToken, String baseUrl) {
        Map<String, String> params = new LinkedHashMap<>(arguments);
        String token = bearerToken != null ? bearerToken : params.get("token");
        params.remove("token");
        workspace.record(new SandboxCall(method, params));
        ApiMethod handler = methods.get(method);
        try {
            if (handler == null) {
                throw new SlackApiError("unknown_method");
            }
            if (token == null || token.isBlank()) {
                throw new SlackApiError("not_authed");
            }
            if (botToken != null && !java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    botToken.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                throw new SlackApiError("invalid_auth");
            }
            return handler.answer(new ApiRequest(method, params, baseUrl));
        } catch (SlackApiError error) {
            return failure(error);
        }
    }

    private void handle(Context ctx) {
        ObjectNode answer;
        try {
            answer = call(ctx.pathParam("method"), params(ctx), bearer(ctx.header("Authorization")), ctx.scheme() + "://" + ctx.host());
        } catch (SlackApiError error) {
            answer = failure(error);
        }
        try {
            ctx.status(200).contentType("application/json; charset=utf-8")
                    .result(Json.mapper().writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new ThreeAmException("cannot write the answer to " + ctx.path(), e);
        }
    }

    private static ObjectNode failure(SlackApiError error) {
        ObjectNode answer = SlackJson.object().put("ok", false).put("error", error.code());
        if (error.detail() != null) {
            answer.putObject("response_metadata").putArray("messages").add(error.detail());
        }
        return answer;
    }

    private static Map<String, String> params(Context ctx) {
        Map<String, String> params = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> params.put(name, first(values)));
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        if (contentType.startsWith("application/json")) {
            jsonBody(ctx.body()).fields().forEachRemaining(field -> params.put(
                    field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString()));
        } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
            ctx.formParamMap().forEach((name, values) -> params.put(name, first(values)));
        }
        return params;
    }

    private static JsonNode jsonBody(String body) {
        try {
            JsonNode json = Json.mapper().readTree(body.isBlank() ? "{}" : body);
            return json.isObject() ? json : SlackJson.object();
        } catch (JsonProcessingException e) {
            throw new SlackApiError("invalid_json");
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }
}
