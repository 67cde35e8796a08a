package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The interaction payloads Slack sends an app, field for field: {@code block_actions} from a message, an ephemeral
 * message or a view, {@code view_submission} and {@code view_closed}.
 */
final class InteractionPayloads {

    /** The deprecated verification token Slack still puts in payloads; 3am checks signatures instead. */
    static final String VERIFICATION_TOKEN = "sandbox-verification-token";

    private final SandboxWorkspace workspace;

    InteractionPayloads(SandboxWorkspace workspace) {
        this.workspace = workspace;
    }

    /** A button of these blocks (in an actions block or a section accessory), by block id and action id. */
    static Optional<JsonNode> button(JsonNode blocks, String blockId, String actionId) {
        if (blocks == null) {
            return Optional.empty();
        }
        for (JsonNode block : blocks) {
            if (!blockId.equals(block.path("block_id").asText())) {
                continue;
            }
            List<JsonNode> candidates = new ArrayList<>();
            block.path("elements").forEach(candidates::add);
            candidates.add(block.path("accessory"));
            for (JsonNode element : candidates) {
                String type = element.path("type").asText();
                if (("button".equals(type) || "static_select".equals(type)) && actionId.equals(element.path("action_id").asText())) {
                    return Optional.of(element);
                }
            }
        }
        return Optional.empty();
    }

    ObjectNode onMessage(SandboxUser user, SandboxMessage message, Press press) {
        ObjectNode container = SlackJson.object()
                .put("type", "message")
                .put("message_ts", message.ts())
                .put("channel_id", message.channel())
                .put("is_ephemeral", false);
        if (message.isReply()) {
            container.put("thread_ts", message.threadTs());
        }
        ObjectNode payload = blockActions(user, container, press);
        payload.set("channel", channel(message.channel()));
        List<SandboxMessage> replies = message.isReply() ? List.of() : workspace.replies(message.channel(), message.ts());
        payload.set("message", SlackJson.message(message, replies, true));
        payload.putObject("state").putObject("values");
        payload.put("response_url", press.responseUrl());
        payload.set("actions", actions(press));
        return payload;
    }

    /** Slack sends no {@code message} for an ephemeral one: only the container says which it was. */
    ObjectNode onEphemeral(SandboxUser user, SandboxEphemeral ephemeral, Press press) {
        ObjectNode container = SlackJson.object()
                .put("type", "message")
                .put("message_ts", ephemeral.ts())
                .put("channel_id", ephemeral.channel())
                .put("is_ephemeral", true);
        if (ephemeral.threadTs() != null) {
            container.put("thread_ts", ephemeral.threadTs());
        }
        ObjectNode payload = blockActions(user, container, press);
        payload.set("channel", channel(ephemeral.channel()));
        payload.putObject("state").putObject("values");
        payload.put("response_url", press.responseUrl());
        payload.set("actions", actions(press));
        return payload;
    }

    ObjectNode onView(SandboxUser user, SandboxView view, Press press) {
        ObjectNode container = SlackJson.object().put("type", "view").put("view_id", view.id());
        ObjectNode payload = blockActions(user, container, press);
        payload.set("view", view.view());
        payload.set("actions", actions(press));
        return payload;
    }

    ObjectNode viewSubmission(SandboxUser user, SandboxView view, String triggerId) {
        ObjectNode payload = common("view_submission", user);
        payload.put("trigger_id", triggerId);
        payload.set("view", view.view());
        payload.putArray("response_urls");
        return payload;
    }

    /** A message shortcut ({@code message_action}) run on {@code message}, as Slack sends it. */
    ObjectNode messageShortcut(SandboxUser user, SandboxMessage message, String callbackId, String triggerId, String responseUrl,
            String actionTs) {
        ObjectNode payload = common("message_action", user);
        payload.put("callback_id", callbackId).put("trigger_id", triggerId).put("message_ts", message.ts())
                .put("response_url", responseUrl).put("action_ts", actionTs);
        payload.set("channel", channel(message.channel()));
        ObjectNode shown = payload.putObject("message").put("type", "message").put("ts", message.ts())
                .put("user", message.user()).put("text", message.text() == null ? "" : message.text());
        if (message.blocks() != null) {
            shown.set("blocks", message.blocks());
        }
        return payload;
    }

    ObjectNode viewClosed(SandboxUser user, SandboxView view) {
        ObjectNode payload = common("view_closed", user);
        payload.set("view", view.view());
        payload.put("is_cleared", false);
        return payload;
    }

    /** One button press (or a select's choice, {@code selected}: the option's value): which, and the ids Slack makes up for it. */
    record Press(String blockId, JsonNode button, String triggerId, String responseUrl, String actionTs, String selected) {}

    private ObjectNode blockActions(SandboxUser user, ObjectNode container, Press press) {
        ObjectNode payload = common("block_actions", user);
        payload.set("container", container);
        payload.put("trigger_id", press.triggerId());
        return payload;
    }

    private static ObjectNode common(String type, SandboxUser user) {
        ObjectNode payload = SlackJson.object().put("type", type);
        payload.putObject("user")
                .put("id", user.id())
                .put("username", user.name())
                .put("name", user.name())
                .put("team_id", SandboxWorkspace.TEAM_ID);
        payload.put("api_app_id", SandboxWorkspace.APP_ID);
        payload.put("token", VERIFICATION_TOKEN);
        payload.putObject("team").put("id", SandboxWorkspace.TEAM_ID).put("domain", SandboxWorkspace.TEAM_DOMAIN);
        payload.putNull("enterprise");
        payload.put("is_enterprise_install", false);
        return payload;
    }

    private ObjectNode channel(String channelId) {
        SandboxChannel channel = workspace.channel(channelId);
        return SlackJson.object().put("id", channel.id())
                .put("name", channel.isDirectMessage() ? "directmessage" : channel.name());
    }

    private static JsonNode actions(Press press) {
        JsonNode button = press.button();
        if ("static_select".equals(button.path("type").asText())) {
            return SlackJson.array().add(selectAction(press));
        }
        ObjectNode action = SlackJson.object()
                .put("action_id", button.path("action_id").asText())
                .put("block_id", press.blockId());
        ObjectNode text = button.path("text").isObject() ? ((ObjectNode) button.get("text")).deepCopy()
                : SlackJson.object().put("type", "plain_text").put("text", "");
        if (!text.has("emoji")) {
            text.put("emoji", true);
        }
        action.set("text", text);
        if (button.hasNonNull("value")) {
            action.put("value", button.get("value").asText());
        }
        if (button.hasNonNull("style")) {
            action.put("style", button.get("style").asText());
        }
        action.put("type", "button");
        action.put("action_ts", press.actionTs());
        return SlackJson.array().add(action);
    }

    /** A static_select's choice as Slack sends it: the option chosen, no value of its own. */
    private static ObjectNode selectAction(Press press) {
        JsonNode option = null;
        for (JsonNode candidate : press.button().path("options")) {
            if (candidate.path("value").asText().equals(press.selected())) {
                option = candidate;
            }
        }
        if (option == null) {
            throw new dev.threeam.common.BadInputException("selected: no option \"" + press.selected() + "\" in select "
                    + press.button().path("action_id").asText());
        }
        ObjectNode action = SlackJson.object().put("type", "static_select")
                .put("action_id", press.button().path("action_id").asText()).put("block_id", press.blockId());
        action.set("selected_option", option.deepCopy());
        if (press.button().has("placeholder")) {
            action.set("placeholder", press.button().get("placeholder").deepCopy());
        }
        action.put("action_ts", press.actionTs());
        return action;
    }
}
