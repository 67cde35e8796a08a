package dev.threeam.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.threeam.common.BadInputException;
import dev.threeam.common.Json;
import dev.threeam.common.ThreeAmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a person does on the page, turned into what Slack would send the bot (signed, to {@code /slack/events}), and
 * the bot's answer applied as Slack applies it: a slash command's ack shown, a modal closed or its errors shown.
 */
final class PageInteractions {

    private final SandboxWorkspace workspace;
    private final BotEndpoint bot;
    private final ResponseUrls responseUrls;
    private final InteractionPayloads payloads;
    private final Clock clock;

    PageInteractions(SandboxWorkspace workspace, BotEndpoint bot, ResponseUrls responseUrls, Clock clock) {
        this.workspace = workspace;
        this.bot = bot;
        this.responseUrls = responseUrls;
        this.payloads = new InteractionPayloads(workspace);
        this.clock = clock;
    }

    /** A button press; {@code container} is {@code message}, {@code ephemeral} or {@code view}. */
    ObjectNode press(SandboxUser user, String container, String channel, String ts, String viewId,
            String blockId, String actionId, String baseUrl) {
        return press(user, container, channel, ts, viewId, blockId, actionId, baseUrl, null);
    }

    /** A press, or (with {@code selected}, an option's value) a choice in a select. */
    ObjectNode press(SandboxUser user, String container, String channel, String ts, String viewId,
            String blockId, String actionId, String baseUrl, String selected) {
        String trigger = workspace.views().issueTrigger(user.id());
        String actionTs = now();
        ObjectNode payload = switch (container) {
            case "message" -> {
                SandboxMessage message = workspace.message(workspace.channel(channel).id(), ts)
                        .orElseThrow(() -> new BadInputException("ts: no message " + ts + " in " + channel));
                String url = responseUrls.issue(baseUrl, new ResponseUrls.Target(
                        user.id(), message.channel(), message.ts(), message.isReply() ? message.threadTs() : null, false));
                yield payloads.onMessage(user, message, press(message.blocks(), blockId, actionId, trigger, url, actionTs, selected));
            }
            case "ephemeral" -> {
                SandboxEphemeral ephemeral = workspace.ephemeral(ts)
                        .filter(candidate -> candidate.user().equals(user.id()))
                        .orElseThrow(() -> new BadInputException("ts: no ephemeral message " + ts + " for " + user.id()));
                String url = responseUrls.issue(baseUrl, new ResponseUrls.Target(
                        user.id(), ephemeral.channel(), ephemeral.ts(), ephemeral.threadTs(), true));
                yield payloads.onEphemeral(user, ephemeral, press(ephemeral.blocks(), blockId, actionId, trigger, url, actionTs, selected));
            }
            case "view" -> {
                SandboxView view = ownView(user, viewId);
                yield payloads.onView(user, view, press(view.view().get("blocks"), blockId, actionId, trigger, null, actionTs, selected));
            }
            default -> throw new BadInputException("container: expected message, ephemeral or view, got \"" + container + "\"");
        };
        BotEndpoint.Answer answer = bot.postForm(EventPayloads.formEncode(Map.of("payload", write(payload))));
        return result(answer);
    }

    /** A message shortcut the person chose from a message's menu ({@code callbackId}: the app's, e.g. {@code declare_incident}). */
    ObjectNode shortcut(SandboxUser user, String channel, String ts, String callbackId, String baseUrl) {
        SandboxMessage message = workspace.message(workspace.channel(channel).id(), ts)
                .orElseThrow(() -> new BadInputException("ts: no message " + ts + " in " + channel));
        String url = responseUrls.issue(baseUrl, new ResponseUrls.Target(user.id(), message.channel(), null, null, false));
        ObjectNode payload = payloads.messageShortcut(user, message, callbackId, workspace.views().issueTrigger(user.id()), url, now());
        return result(bot.postForm(EventPayloads.formEncode(Map.of("payload", write(payload)))));
    }

    /**
     * Submits a modal with what was typed or chosen in its inputs ({@code values[block_id][action_id]}: the text, or a
     * select's option value).
     */
    ObjectNode submit(SandboxUser user, String viewId, JsonNode typed) {
        SandboxView view = ownView(user, viewId);
        ObjectNode values = SlackJson.object();
        for (JsonNode block : view.view().path("blocks")) {
            JsonNode element = block.path("element");
            if (!"input".equals(block.path("type").asText()) || !element.has("action_id")) {
                continue;
            }
            String blockId = block.path("block_id").asText();
            String actionId = element.path("action_id").asText();
            JsonNode value = typed.path(blockId).path(actionId);
            ObjectNode input = values.putObject(blockId).putObject(actionId).put("type", element.path("type").asText());
            if ("static_select".equals(element.path("type").asText())) {
                selected(element, value.asText("")).ifPresentOrElse(option -> input.set("selected_option", option),
                        () -> input.putNull("selected_option"));
            } else if (value.isTextual() && !value.asText().isEmpty()) {
                input.put("value", value.asText());
            } else {
                input.putNull("value");
            }
        }
        workspace.views().setState(viewId, values);
        SandboxView submitted = ownView(user, viewId);
        String trigger = workspace.views().issueTrigger(user.id());
        BotEndpoint.Answer answer = bot.postForm(EventPayloads.formEncode(
                Map.of("payload", write(payloads.viewSubmission(user, submitted, trigger)))));
        ObjectNode result = result(answer);
        if (!answer.ok()) {
            return result;
        }
        JsonNode ack = answer.body().isBlank() ? SlackJson.object() : read(answer.body());
        switch (ack.path("response_action").asText("")) {
            case "errors" -> result.put("closed", false).set("errors", ack.path("errors"));
            case "update" -> {
                workspace.views().update(viewId, null, null, (ObjectNode) ack.get("view"));
                result.put("closed", false);
            }
            case "push" -> {
                workspace.views().open(workspace.views().issueTrigger(user.id()), (ObjectNode) ack.get("view"));
                result.put("closed", false);
            }
            case "clear" -> {
                workspace.views().modals(user.id()).forEach(modal -> workspace.views().close(modal.id()));
                result.put("closed", true);
            }
            default -> {
                workspace.views().close(viewId);
                result.put("closed", true);
            }
        }
        return result;
    }

    private static java.util.Optional<JsonNode> selected(JsonNode select, String value) {
        for (JsonNode option : select.path("options")) {
            if (option.path("value").asText().equals(value)) {
                return java.util.Optional.of(option.deepCopy());
            }
        }
        return java.util.Optional.empty();
    }

    /** Closes a modal; the bot hears of it only when the view asked ({@code notify_on_close}). */
    ObjectNode close(SandboxUser user, String viewId) {
        SandboxView view = ownView(user, viewId);
        workspace.views().close(viewId);
        if (!view.view().path("notify_on_close").asBoolean(false)) {
            return SlackJson.ok();
        }
        return result(bot.postForm(EventPayloads.formEncode(
                Map.of("payload", write(payloads.viewClosed(user, view))))));
    }

    /** A slash command typed in a channel; its ack is shown as Slack shows it (ephemeral unless in_channel). */
    ObjectNode command(SandboxUser user, String channelId, String command, String text, String baseUrl) {
        SandboxChannel channel = workspace.channel(channelId);
        ResponseUrls.Target target = new ResponseUrls.Target(user.id(), channel.id(), null, null, false);
        String url = responseUrls.issue(baseUrl, target);
        Map<String, String> form = EventPayloads.slashCommand(
                user, channel, command, text, url, workspace.views().issueTrigger(user.id()));
        BotEndpoint.Answer answer = bot.postForm(EventPayloads.formEncode(form));
        ObjectNode result = result(answer);
        if (answer.ok() && !answer.body().isBlank()) {
            JsonNode ack = answer.isJson() ? read(answer.body()) : SlackJson.object().put("text", answer.body());
            responseUrls.answer(target, ack);
        }
        return result;
    }

    /** The person opened the bot's Home tab. */
    ObjectNode openHome(SandboxUser user) {
        ObjectNode home = workspace.views().home(user.id()).map(SandboxView::view).orElse(null);
        String eventId = "Ev0" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        return result(bot.postJson(write(EventPayloads.appHomeOpened(user, home, now(), eventId))));
    }

    private InteractionPayloads.Press press(
            JsonNode blocks, String blockId, String actionId, String trigger, String responseUrl, String actionTs, String selected) {
        JsonNode button = InteractionPayloads.button(blocks, blockId, actionId).orElseThrow(() ->
                new BadInputException("action_id: no button " + blockId + "/" + actionId + " there"));
        if ("static_select".equals(button.path("type").asText()) && selected == null) {
            throw new BadInputException("selected: " + blockId + "/" + actionId + " is a select: say which option");
        }
        return new InteractionPayloads.Press(blockId, button, trigger, responseUrl, actionTs, selected);
    }

    private SandboxView ownView(SandboxUser user, String viewId) {
        return workspace.views().view(viewId)
                .filter(view -> view.user().equals(user.id()))
                .orElseThrow(() -> new BadInputException("view_id: no open view " + viewId + " for " + user.id()));
    }

    private static ObjectNode result(BotEndpoint.Answer answer) {
        ObjectNode result = SlackJson.object().put("ok", answer.ok()).put("status", answer.status());
        if (!answer.ok()) {
            result.put("error", "the bot answered HTTP " + answer.status() + ": " + abbreviate(answer.body()));
        }
        return result;
    }

    private String now() {
        Instant now = clock.instant();
        return SlackTimestamps.format(now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000L);
    }

    private static String abbreviate(String text) {
        return dev.threeam.common.Text.clip(text, 301);
    }

    private static String write(JsonNode json) {
        try {
            return Json.mapper().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new ThreeAmException("cannot write a Slack payload", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ThreeAmException("the bot's answer is not JSON: " + abbreviate(json), e);
        }
    }
}
