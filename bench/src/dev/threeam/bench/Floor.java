package dev.threeam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import io.javalin.Javalin;

/**
 * The HTTP floor: a bare Javalin (same version and settings as 3am's server) that parses the webhook's JSON with
 * 3am's mapper and answers 202 without storing anything. {@code java … Floor PORT}.
 */
public final class Floor {

    private Floor() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = false;
            config.routes.get("/readyz", ctx -> ctx.status(200).result("ready"));
            config.routes.post("/alerts/alertmanager", ctx -> {
                JsonNode body = Json.mapper().readTree(ctx.bodyAsBytes());
                int accepted = body.path("alerts").size();
                ctx.status(202).contentType("application/json").result("{\"accepted\":" + accepted + ",\"incidents\":[]}");
            });
        }).start(port);
    }
}
