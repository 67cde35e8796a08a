package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON shapes Slack answers with: messages, channels, users (field names as in Slack's Web API docs). */
final class SlackJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SlackJson() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static ObjectNode ok() {
        return object().put("ok", true);
    }

    /**
     * A message as {@code conversations.history} and {@code chat.postMessage} show it; a root with replies carries
     * its thread summary, metadata only when asked for ({@code include_all_metadata}).
     */
    static ObjectNode message(SandboxMessage message, List<SandboxMessage> replies, boolean withMetadata) {
        ObjectNode json = object()
                .put("type", "message")
                .put("user", message.user())
                .put("team", SandboxWorkspace.TEAM_ID)
                .put("text", message.text() == null ? "" : message.text())
                .put("ts", message.ts());
        if (SandboxWorkspace.BOT_USER_ID.equals(message.user())) { // a person's own message carries no bot or app
            json.put("bot_id", SandboxWorkspace.BOT_ID).put("app_id", SandboxWorkspace.APP_ID);
        }
        if (message.blocks() != null) {
            json.set("blocks", message.blocks());
        }
        if (message.isReply()) {
            json.put("thread_ts", message.threadTs()).put("parent_user_id", SandboxWorkspace.BOT_USER_ID);
        } else if (!replies.isEmpty()) {
            json.put("thread_ts", message.ts())
                    .put("reply_count", replies.size())
                    .put("reply_users_count", 1)
                    .put("latest_reply", replies.get(replies.size() - 1).ts());
            json.putArray("reply_users").add(SandboxWorkspace.BOT_USER_ID);
        }
        if (message.files() != null) {
            json.set("files", message.files());
        }
        if (message.edited()) {
            json.putObject("edited").put("user", message.user()).put("ts", message.ts());
        }
        if (withMetadata && message.metadata() != null) {
            json.set("metadata", message.metadata());
        }
        return json;
    }

    static ObjectNode ephemeral(SandboxEphemeral ephemeral) {
        ObjectNode json = object()
                .put("type", "message")
                .put("user", SandboxWorkspace.BOT_USER_ID)
                .put("bot_id", SandboxWorkspace.BOT_ID)
                .put("text", ephemeral.text() == null ? "" : ephemeral.text())
                .put("ts", ephemeral.ts())
                .put("channel", ephemeral.channel());
        if (ephemeral.threadTs() != null) {
            json.put("thread_ts", ephemeral.threadTs());
        }
        if (ephemeral.blocks() != null) {
            json.set("blocks", ephemeral.blocks());
        }
        return json;
    }

    static ObjectNode channel(SandboxChannel channel) {
        boolean im = channel.isDirectMessage();
        ObjectNode json = object()
                .put("id", channel.id())
                .put("is_channel", !im)
                .put("is_group", false)
                .put("is_im", im)
                .put("is_private", im)
                .put("is_archived", false)
                .put("is_general", false)
                .put("is_member", true)
                .put("created", 1764288000L)
                .put("creator", SandboxWorkspace.BOT_USER_ID)
                .put("context_team_id", SandboxWorkspace.TEAM_ID);
        if (im) {
            json.put("user", "U" + channel.id().substring(1));
        } else {
            json.put("name", channel.name()).put("name_normalized", channel.name());
        }
        return json;
    }

    static ObjectNode user(SandboxUser user) {
        boolean bot = SandboxWorkspace.BOT_USER_ID.equals(user.id());
        ObjectNode json = object()
                .put("id", user.id())
                .put("team_id", SandboxWorkspace.TEAM_ID)
                .put("name", user.name())
                .put("real_name", user.name())
                .put("deleted", false)
                .put("is_bot", bot)
                .put("is_admin", false)
                .put("tz", "UTC");
        json.putObject("profile")
                .put("real_name", user.name())
                .put("display_name", user.name())
                .put("title", user.role())
                .put("team", SandboxWorkspace.TEAM_ID);
        return json;
    }

    /**
     * A user group as {@code usergroups.list} shows it. The sandbox's groups come from runbook ids only, so the
     * handle and name are made from the id: {@code S0HELPDESK} is {@code helpdesk}.
     */
    static ObjectNode userGroup(String id, List<String> members, boolean withUsers, boolean withCount) {
        String handle = id.replaceFirst("^S0*", "").toLowerCase(java.util.Locale.ROOT);
        ObjectNode json = object()
                .put("id", id)
                .put("team_id", SandboxWorkspace.TEAM_ID)
                .put("is_usergroup", true)
                .put("is_subteam", true)
                .put("name", handle.isEmpty() ? id : handle)
                .put("description", "")
                .put("handle", handle.isEmpty() ? id.toLowerCase(java.util.Locale.ROOT) : handle)
                .put("is_external", false)
                .put("date_create", 1764288000L)
                .put("date_update", 1764288000L)
                .put("date_delete", 0)
                .put("auto_type", (String) null)
                .put("created_by", SandboxWorkspace.BOT_USER_ID)
                .put("updated_by", SandboxWorkspace.BOT_USER_ID)
                .put("deleted_by", (String) null);
        ObjectNode prefs = json.putObject("prefs");
        prefs.putArray("channels");
        prefs.putArray("groups");
        if (withUsers) {
            ArrayNode users = json.putArray("users");
            members.forEach(users::add);
        }
        if (withCount) {
            json.put("user_count", members.size());
        }
        return json;
    }

    /** A text field's value, or null when it is missing or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
