package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A slash command's form body and the {@code app_home_opened} event, as Slack sends them. */
final class EventPayloads {

    private EventPayloads() {}

    /** The form fields of a slash command, in Slack's order. */
    static Map<String, String> slashCommand(
            SandboxUser user, SandboxChannel channel, String command, String text, String responseUrl, String triggerId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", InteractionPayloads.VERIFICATION_TOKEN);
        form.put("team_id", SandboxWorkspace.TEAM_ID);
        form.put("team_domain", SandboxWorkspace.TEAM_DOMAIN);
        form.put("channel_id", channel.id());
        form.put("channel_name", channel.isDirectMessage() ? "directmessage" : channel.name());
        form.put("user_id", user.id());
        form.put("user_name", user.name());
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", SandboxWorkspace.APP_ID);
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId);
        return form;
    }

    static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The events API envelope of {@code app_home_opened} for the Home tab of this user. */
    static ObjectNode appHomeOpened(SandboxUser user, ObjectNode homeView, String eventTs, String eventId) {
        ObjectNode envelope = SlackJson.object()
                .put("token", InteractionPayloads.VERIFICATION_TOKEN)
                .put("team_id", SandboxWorkspace.TEAM_ID)
                .put("context_team_id", SandboxWorkspace.TEAM_ID)
                .put("api_app_id", SandboxWorkspace.APP_ID);
        ObjectNode event = envelope.putObject("event")
                .put("type", "app_home_opened")
                .put("user", user.id())
                .put("channel", "D" + user.id().substring(1))
                .put("tab", "home")
                .put("event_ts", eventTs);
        if (homeView != null) {
            event.set("view", homeView);
        }
        envelope.put("type", "event_callback");
        envelope.put("event_id", eventId);
        envelope.put("event_time", Long.parseLong(eventTs.substring(0, eventTs.indexOf('.'))));
        envelope.putArray("authorizations").addObject()
                .putNull("enterprise_id")
                .put("team_id", SandboxWorkspace.TEAM_ID)
                .put("user_id", SandboxWorkspace.BOT_USER_ID)
                .put("is_bot", true)
                .put("is_enterprise_install", false);
        envelope.put("is_ext_shared_channel", false);
        return envelope;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
