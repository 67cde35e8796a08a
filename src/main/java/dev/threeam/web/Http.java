package dev.threeam.web;

import dev.threeam.common.Json;
import io.javalin.http.Context;
import java.util.Map;

/** Small helpers every route shares. */
public final class Http {

    private Http() {}

    public static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    public static void error(Context ctx, int status, String message) {
        json(ctx, status, Map.of("error", message));
    }
}
