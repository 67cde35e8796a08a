package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/**
 * {@code files.getUploadURLExternal} and {@code files.completeUploadExternal}, the upload URL they hand out
 * ({@code POST /sandbox/api/upload/{key}}: the bot's, it carries no page token), and {@code GET /sandbox/files/{id}},
 * where the page shows a shared image.
 */
final class FileMethods {

    static final String UPLOAD_PATH = SandboxApi.PATH_PREFIX + "upload/";
    static final String FILES_PATH = "/sandbox/files/";

    private final SandboxWorkspace workspace;

    FileMethods(SandboxWorkspace workspace) {
        this.workspace = workspace;
    }

    void register(Map<String, ApiMethod> methods) {
        methods.put("files.getUploadURLExternal", this::uploadUrl);
        methods.put("files.completeUploadExternal", this::complete);
    }

    static void addRoutes(RoutesConfig routes, SandboxFiles files) {
        routes.post(UPLOAD_PATH + "{key}", ctx -> {
            if (files.receive(ctx.pathParam("key"), ctx.bodyAsBytes())) {
                ctx.status(200).contentType("text/plain").result("OK - " + ctx.bodyAsBytes().length);
            } else {
                ctx.status(404).contentType("text/plain").result("no upload waits at this URL, or not that many bytes");
            }
        });
        routes.get(FILES_PATH + "{id}", ctx -> {
            var file = files.file(ctx.pathParam("id")).filter(f -> f.uploaded() && f.title() != null);
            if (file.isEmpty()) {
                ctx.status(404).contentType("text/plain").result("no such file");
                return;
            }
            ctx.contentType(file.get().mimetype()).header("Content-Disposition", "inline").header("Cache-Control", "no-store")
                    .result(file.get().bytes());
        });
    }

    private ObjectNode uploadUrl(ApiRequest request) {
        String length = request.optional("length");
        int bytes;
        try {
            bytes = length == null ? 0 : Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            throw new SlackApiError("invalid_arguments", "length: not a number");
        }
        SandboxFiles.SandboxFile file = workspace.files().reserve(request.optional("filename"), bytes, request.optional("alt_txt"));
        return SlackJson.ok().put("upload_url", (request.baseUrl() == null ? "" : request.baseUrl()) + UPLOAD_PATH + file.uploadKey())
                .put("file_id", file.id());
    }

    private ObjectNode complete(ApiRequest request) {
        JsonNode listed = request.json("files", "invalid_arguments");
        if (listed == null || !listed.isArray() || listed.isEmpty()) {
            throw new SlackApiError("invalid_arguments", "files: expected a JSON array of {id, title}");
        }
        ArrayNode shared = SlackJson.array();
        for (JsonNode entry : listed) {
            SandboxFiles.SandboxFile file = workspace.files().complete(entry.path("id").asText(""), SlackJson.text(entry, "title"));
            shared.add(json(file, request.baseUrl()));
        }
        String channel = request.optional("channel_id");
        if (channel != null) {
            workspace.postFiles(channel, request.optional("thread_ts"), request.optional("initial_comment"), shared);
        }
        return (ObjectNode) SlackJson.ok().set("files", shared);
    }

    /** A file as Slack's file objects show it (the fields the page and the bot read). */
    private static ObjectNode json(SandboxFiles.SandboxFile file, String baseUrl) {
        String url = (baseUrl == null ? "" : baseUrl) + FILES_PATH + file.id();
        ObjectNode json = SlackJson.object()
                .put("id", file.id())
                .put("name", file.filename())
                .put("title", file.title())
                .put("mimetype", file.mimetype())
                .put("filetype", file.mimetype().equals("image/png") ? "png" : "binary")
                .put("user", SandboxWorkspace.BOT_USER_ID)
                .put("size", file.length())
                .put("url_private", url)
                .put("url_private_download", url)
                .put("permalink", url);
        if (file.altText() != null) {
            json.put("alt_txt", file.altText());
        }
        return json;
    }
}
