package dev.threeam.testing;

import java.util.List;
import java.util.Map;

/** Interaction payloads shaped as Slack sends them. */
public final class Payloads {

    private Payloads() {}

    /** A button press in a message of {@code channel} (in the thread of {@code threadTs}, or on the root). */
    public static String buttonPress(String user, String channel, String messageTs, String threadTs, String blockId,
            String actionId, String value, String label) {
        Map<String, Object> container = new java.util.HashMap<>(Map.of("type", "message", "message_ts", messageTs,
                "channel_id", channel, "is_ephemeral", false));
        if (threadTs != null) {
            container.put("thread_ts", threadTs);
        }
        Map<String, Object> message = new java.util.HashMap<>(Map.of("type", "message", "ts", messageTs, "text", "…"));
        if (threadTs != null) {
            message.put("thread_ts", threadTs);
        }
        return raw(Map.of(
                "type", "block_actions",
                "user", Map.of("id", user, "username", user, "name", user, "team_id", "T0SANDBOX"),
                "api_app_id", "A0THREEAM",
                "token", "x",
                "container", container,
                "trigger_id", "trigger-" + System.nanoTime(),
                "team", Map.of("id", "T0SANDBOX", "domain", "sandbox"),
                "channel", Map.of("id", channel, "name", "incidents"),
                "message", message,
                "actions", List.of(Map.of("action_id", actionId, "block_id", blockId, "value", value, "type", "button",
                        "text", Map.of("type", "plain_text", "text", label), "action_ts", "1.2"))));
    }

    /** A modal submitted with one plain-text input. */
    public static String viewSubmission(String user, String callbackId, String privateMetadata, String blockId, String actionId, String value) {
        return raw(Map.of(
                "type", "view_submission",
                "user", Map.of("id", user, "username", user, "name", user, "team_id", "T0SANDBOX"),
                "api_app_id", "A0THREEAM",
                "token", "x",
                "team", Map.of("id", "T0SANDBOX", "domain", "sandbox"),
                "view", Map.of("id", "V1", "type", "modal", "callback_id", callbackId, "private_metadata", privateMetadata,
                        "state", Map.of("values", Map.of(blockId, Map.of(actionId, Map.of("type", "plain_text_input", "value", value)))))));
    }

    private static String raw(Object value) {
        // Slack's payloads are snake_case already; write them without our mapper's naming strategy
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
