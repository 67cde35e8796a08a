package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * {@code conversations.join|info|history|replies|open}. History is newest first, replies root first; both page
 * with {@code limit} and {@code cursor} and carry message metadata only with {@code include_all_metadata=true}.
 */
final class ConversationMethods {

    private final SandboxWorkspace workspace;

    ConversationMethods(SandboxWorkspace workspace) {
        this.workspace = workspace;
    }

    void register(Map<String, ApiMethod> methods) {
        methods.put("conversations.join", this::info);
        methods.put("conversations.info", this::info);
        methods.put("conversations.history", this::history);
        methods.put("conversations.replies", this::replies);
        methods.put("conversations.open", this::open);
    }

    private ObjectNode info(ApiRequest request) {
        SandboxChannel channel = workspace.channel(request.required("channel", "channel_not_found"));
        return SlackJson.ok().set("channel", SlackJson.channel(channel));
    }

    private ObjectNode history(ApiRequest request) {
        SandboxChannel channel = workspace.channel(request.required("channel", "channel_not_found"));
        List<SandboxMessage> newestFirst = workspace.topLevel(channel.id()).stream()
                .filter(message -> within(message.ts(), request))
                .sorted((left, right) -> SlackTimestamps.compare(right.ts(), left.ts()))
                .toList();
        return page(channel, newestFirst, request, 100);
    }

    private ObjectNode replies(ApiRequest request) {
        SandboxChannel channel = workspace.channel(request.required("channel", "channel_not_found"));
        String ts = request.required("ts", "thread_not_found");
        List<SandboxMessage> thread = workspace.thread(channel.id(), ts).stream()
                .filter(message -> within(message.ts(), request))
                .toList();
        return page(channel, thread, request, 1000);
    }

    private ObjectNode page(SandboxChannel channel, List<SandboxMessage> all, ApiRequest request, int defaultLimit) {
        int limit = Math.max(1, Math.min(request.integer("limit", defaultLimit), 1000));
        int from = cursor(request);
        int to = Math.min(all.size(), from + limit);
        boolean metadata = request.flag("include_all_metadata");
        ArrayNode messages = SlackJson.array();
        for (SandboxMessage message : all.subList(Math.min(from, to), to)) {
            List<SandboxMessage> replies = message.isReply() ? List.of() : workspace.replies(channel.id(), message.ts());
            messages.add(SlackJson.message(message, replies, metadata));
        }
        ObjectNode answer = SlackJson.ok();
        answer.set("messages", messages);
        answer.put("has_more", to < all.size());
        answer.putObject("response_metadata").put("next_cursor", to < all.size() ? "offset:" + to : "");
        return answer;
    }

    private static int cursor(ApiRequest request) {
        String cursor = request.optional("cursor");
        if (cursor == null) {
            return 0;
        }
        try {
            return Integer.parseInt(cursor.substring(cursor.indexOf(':') + 1));
        } catch (NumberFormatException e) {
            throw new SlackApiError("invalid_cursor");
        }
    }

    /** {@code oldest}/{@code latest} bounds, exclusive unless {@code inclusive=true}. */
    private static boolean within(String ts, ApiRequest request) {
        boolean inclusive = request.flag("inclusive");
        String oldest = request.optional("oldest");
        String latest = request.optional("latest");
        if (oldest != null) {
            int order = SlackTimestamps.compare(ts, oldest);
            if (order < 0 || order == 0 && !inclusive) {
                return false;
            }
        }
        if (latest != null) {
            int order = SlackTimestamps.compare(ts, latest);
            return order < 0 || order == 0 && inclusive;
        }
        return true;
    }

    private ObjectNode open(ApiRequest request) {
        String channelId = request.optional("channel");
        if (channelId != null) {
            return SlackJson.ok().set("channel", SlackJson.channel(workspace.channel(channelId)));
        }
        String[] users = request.required("users", "users_list_not_supplied").split(",");
        if (users.length != 1) {
            throw new SlackApiError("not_supported", "the sandbox opens direct messages with one person only");
        }
        SandboxChannel channel = workspace.openDirectMessage(users[0].trim());
        ObjectNode answer = SlackJson.ok();
        answer.putObject("channel").put("id", channel.id());
        return answer;
    }
}
