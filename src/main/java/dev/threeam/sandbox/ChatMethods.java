package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** {@code chat.postMessage}, {@code chat.update}, {@code chat.postEphemeral}, {@code chat.delete}. */
final class ChatMethods {

    private final SandboxWorkspace workspace;

    ChatMethods(SandboxWorkspace workspace) {
        this.workspace = workspace;
    }

    void register(Map<String, ApiMethod> methods) {
        methods.put("chat.postMessage", this::postMessage);
        methods.put("chat.update", this::update);
        methods.put("chat.postEphemeral", this::postEphemeral);
        methods.put("chat.delete", this::delete);
        methods.put("chat.getPermalink", this::permalink);
    }

    private ObjectNode postMessage(ApiRequest request) {
        String channel = request.required("channel", "channel_not_found");
        String text = request.optional("text");
        JsonNode blocks = blocks(request);
        if (text == null && blocks == null) {
            throw new SlackApiError("no_text");
        }
        SandboxMessage message = workspace.post(
                channel, request.optional("thread_ts"), text, blocks, metadata(request));
        return SlackJson.ok()
                .put("channel", message.channel())
                .put("ts", message.ts())
                .set("message", SlackJson.message(message, List.of(), true));
    }

    private ObjectNode update(ApiRequest request) {
        String channel = request.required("channel", "channel_not_found");
        String ts = request.required("ts", "message_not_found");
        String text = request.optional("text");
        JsonNode blocks = blocks(request);
        if (text == null && blocks == null) {
            throw new SlackApiError("no_text");
        }
        SandboxMessage message = workspace.update(channel, ts, text, blocks, metadata(request));
        ObjectNode answer = SlackJson.ok()
                .put("channel", message.channel())
                .put("ts", message.ts())
                .put("text", message.text() == null ? "" : message.text());
        return answer.set("message", SlackJson.message(message, List.of(), true));
    }

    private ObjectNode postEphemeral(ApiRequest request) {
        String channel = request.required("channel", "channel_not_found");
        String user = request.required("user", "user_not_found");
        String text = request.optional("text");
        JsonNode blocks = blocks(request);
        if (text == null && blocks == null) {
            throw new SlackApiError("no_text");
        }
        SandboxEphemeral ephemeral = workspace.postEphemeral(
                channel, user, text, blocks, request.optional("thread_ts"));
        return SlackJson.ok().put("message_ts", ephemeral.ts());
    }

    private ObjectNode permalink(ApiRequest request) {
        SandboxChannel channel = workspace.channel(request.required("channel", "channel_not_found"));
        String ts = request.required("message_ts", "message_not_found");
        return SlackJson.ok().put("channel", channel.id()).put("permalink", "https://" + SandboxWorkspace.TEAM_DOMAIN + ".slack.com/archives/"
                + channel.id() + "/p" + ts.replace(".", ""));
    }

    private ObjectNode delete(ApiRequest request) {
        String channel = request.required("channel", "channel_not_found");
        String ts = request.required("ts", "message_not_found");
        workspace.delete(channel, ts);
        return SlackJson.ok().put("channel", workspace.channel(channel).id()).put("ts", ts);
    }

    private static JsonNode blocks(ApiRequest request) {
        JsonNode blocks = request.json("blocks", "invalid_blocks_format");
        BlockKitLimits.check(blocks, BlockKitLimits.MESSAGE_BLOCKS);
        BlockIds.fill(blocks);
        return blocks;
    }

    /** Slack's message metadata: {@code {"event_type":"…","event_payload":{…}}}. */
    private static JsonNode metadata(ApiRequest request) {
        ObjectNode metadata = request.jsonObject("metadata", "invalid_metadata_format");
        if (metadata != null && (!metadata.path("event_type").isTextual() || !metadata.path("event_payload").isObject())) {
            throw new SlackApiError("invalid_metadata_schema");
        }
        return metadata;
    }
}
