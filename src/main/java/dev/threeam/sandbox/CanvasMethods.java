package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code canvases.create} (a standalone canvas from {@code document_content} {@code {"type":"markdown","markdown":…}})
 * and {@code canvases.access.set} (share it with channels), kept in {@link SandboxWorkspace#canvases()}.
 */
final class CanvasMethods {

    private final SandboxWorkspace workspace;

    CanvasMethods(SandboxWorkspace workspace) {
        this.workspace = workspace;
    }

    void register(Map<String, ApiMethod> methods) {
        methods.put("canvases.create", this::create);
        methods.put("canvases.access.set", this::accessSet);
    }

    private ObjectNode create(ApiRequest request) {
        JsonNode content = request.json("document_content", "invalid_arguments");
        if (content != null && (!"markdown".equals(content.path("type").asText()) || !content.path("markdown").isTextual())) {
            throw new SlackApiError("invalid_arguments", "document_content must be {\"type\":\"markdown\",\"markdown\":\"…\"}");
        }
        SandboxCanvas canvas = workspace.canvases().create(request.optional("title"),
                content == null ? "" : content.path("markdown").asText());
        return SlackJson.ok().put("canvas_id", canvas.id());
    }

    private ObjectNode accessSet(ApiRequest request) {
        String id = request.required("canvas_id", "canvas_not_found");
        String level = request.required("access_level", "invalid_arguments");
        if (!List.of("read", "write", "owner").contains(level)) {
            throw new SlackApiError("invalid_arguments", "access_level must be read, write or owner");
        }
        List<String> channels = list(request.optional("channel_ids"));
        workspace.canvases().share(id, channels.stream().map(channel -> workspace.channel(channel).id()).toList());
        return SlackJson.ok();
    }

    /** {@code C1,C2} as the Java SDK sends it, or a JSON array. */
    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        String bare = value.replaceAll("[\\[\\]\"\\s]", "");
        return Arrays.stream(bare.split(",")).filter(part -> !part.isEmpty()).toList();
    }
}
