package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;

/** Gives blocks and interactive elements the ids Slack generates when an app leaves them out. */
final class BlockIds {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BlockIds() {}

    static void fill(JsonNode blocks) {
        if (blocks == null || !blocks.isArray()) {
            return;
        }
        for (JsonNode block : blocks) {
            if (block instanceof ObjectNode object) {
                if (!object.hasNonNull("block_id")) {
                    object.put("block_id", random(4));
                }
                fillElement(object.get("accessory"));
                fillElement(object.get("element"));
                JsonNode elements = object.get("elements");
                if (elements != null && "actions".equals(object.path("type").asText())) {
                    elements.forEach(BlockIds::fillElement);
                }
            }
        }
    }

    private static void fillElement(JsonNode element) {
        if (element instanceof ObjectNode object && object.has("type") && !"image".equals(object.path("type").asText())
                && !object.hasNonNull("action_id")) {
            object.put("action_id", random(5));
        }
    }

    private static String random(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
