package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The Block Kit limits Slack enforces and the Java SDK does not: refuses blocks Slack would refuse with
 * {@code invalid_blocks}, naming the place ({@code /blocks/3/text/text}) the way Slack's error messages do.
 */
final class BlockKitLimits {

    static final int MESSAGE_BLOCKS = 50;
    static final int VIEW_BLOCKS = 100;

    private BlockKitLimits() {}

    static void check(JsonNode blocks, int maxBlocks) {
        if (blocks == null) {
            return;
        }
        if (!blocks.isArray()) {
            throw invalid("must be an array", "/blocks");
        }
        if (blocks.size() > maxBlocks) {
            throw invalid("no more than " + maxBlocks + " items allowed", "/blocks");
        }
        Set<String> actionIds = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            checkBlock(blocks.get(i), "/blocks/" + i, actionIds);
        }
    }

    private static void checkBlock(JsonNode block, String at, Set<String> actionIds) {
        if (!block.hasNonNull("type")) {
            throw invalid("missing required field: type", at);
        }
        maxLength(block, "block_id", 255, at);
        switch (block.get("type").asText()) {
            case "header" -> maxLength(block.path("text"), "text", 150, at + "/text");
            case "section" -> {
                maxLength(block.path("text"), "text", 3000, at + "/text");
                JsonNode fields = block.path("fields");
                if (fields.size() > 10) {
                    throw invalid("no more than 10 items allowed", at + "/fields");
                }
                for (int i = 0; i < fields.size(); i++) {
                    maxLength(fields.get(i), "text", 2000, at + "/fields/" + i);
                }
                if (block.has("accessory")) {
                    checkElement(block.get("accessory"), at + "/accessory", actionIds);
                }
            }
            case "actions" -> {
                JsonNode elements = block.path("elements");
                if (elements.size() > 25) {
                    throw invalid("no more than 25 items allowed", at + "/elements");
                }
                for (int i = 0; i < elements.size(); i++) {
                    checkElement(elements.get(i), at + "/elements/" + i, actionIds);
                }
            }
            default -> { }
        }
    }

    private static void checkElement(JsonNode element, String at, Set<String> actionIds) {
        maxLength(element, "action_id", 255, at);
        maxLength(element, "value", 2000, at);
        maxLength(element, "url", 3000, at);
        if ("button".equals(element.path("type").asText())) {
            maxLength(element.path("text"), "text", 75, at + "/text");
        }
        String actionId = element.path("action_id").asText(null);
        if (actionId != null && !actionIds.add(actionId)) {
            throw invalid("action_id must be unique within a message: " + actionId, at + "/action_id");
        }
        JsonNode confirm = element.path("confirm");
        if (confirm.isObject()) {
            maxLength(confirm.path("title"), "text", 100, at + "/confirm/title");
            maxLength(confirm.path("text"), "text", 300, at + "/confirm/text");
            maxLength(confirm.path("confirm"), "text", 30, at + "/confirm/confirm");
            maxLength(confirm.path("deny"), "text", 30, at + "/confirm/deny");
        }
    }

    private static void maxLength(JsonNode node, String field, int max, String at) {
        JsonNode value = node.path(field);
        if (value.isTextual() && value.asText().length() > max) {
            throw invalid("must be less than " + (max + 1) + " characters", at + "/" + field);
        }
    }

    private static SlackApiError invalid(String problem, String at) {
        return new SlackApiError("invalid_blocks", "[ERROR] " + problem + " [json-pointer:" + at + "]");
    }
}
