package dev.threeam.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's Block Kit limits as /work/shared/TECH_NOTES.md lists them, checked independently of the product's own
 * {@code Limits} and of the fake Slack, plus the mentions and links text from outside must never produce.
 * Each method returns the problems found, each naming where ({@code chat.postMessage /blocks/3/text}).
 */
final class BlockKitRules {

    /** Mentions and links Slack would act on: {@code <!channel>}, {@code <@U…>}, {@code <!subteam^…>}, {@code <http…|…>}. */
    private static final Pattern SPECIAL = Pattern.compile("<([!@#][^>]*|(?:https?|mailto|ftp):[^>]*)>");
    private static final Pattern BARE_BROADCAST = Pattern.compile("(?i)@(channel|here|everyone)\\b");

    private BlockKitRules() {}

    static List<String> message(String where, String text, JsonNode blocks) {
        List<String> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            problems.add(where + ": message text is not set");
        } else if (text.length() > 40_000) {
            problems.add(where + ": message text over 40000");
        }
        blocks(where, blocks, 50, problems);
        return problems;
    }

    static List<String> view(String where, JsonNode view) {
        List<String> problems = new ArrayList<>();
        if (view.path("type").asText().equals("modal")) {
            max(problems, where + " /title", view.path("title").path("text"), 24);
            max(problems, where + " /submit", view.path("submit").path("text"), 24);
            max(problems, where + " /close", view.path("close").path("text"), 24);
            max(problems, where + " /private_metadata", view.path("private_metadata"), 3000);
            max(problems, where + " /callback_id", view.path("callback_id"), 255);
        }
        blocks(where, view.path("blocks"), 100, problems);
        return problems;
    }

    private static void blocks(String where, JsonNode blocks, int maxBlocks, List<String> problems) {
        if (blocks == null || blocks.isMissingNode() || blocks.isNull()) {
            return;
        }
        if (blocks.size() > maxBlocks) {
            problems.add(where + ": " + blocks.size() + " blocks > " + maxBlocks);
        }
        Set<String> actionIds = new HashSet<>();
        Set<String> blockIds = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            String at = where + " /blocks/" + i;
            max(problems, at + "/block_id", block.path("block_id"), 255);
            if (block.has("block_id") && !blockIds.add(block.get("block_id").asText())) {
                problems.add(at + ": block_id repeated " + block.get("block_id").asText());
            }
            switch (block.path("type").asText()) {
                case "header" -> {
                    plain(problems, at + "/text", block.path("text"));
                    max(problems, at + "/text", block.path("text").path("text"), 150);
                }
                case "section" -> {
                    if (!block.has("text") && !block.has("fields")) {
                        problems.add(at + ": section without text or fields");
                    }
                    max(problems, at + "/text", block.path("text").path("text"), 3000);
                    if (block.path("fields").size() > 10) {
                        problems.add(at + "/fields: more than 10");
                    }
                    for (int f = 0; f < block.path("fields").size(); f++) {
                        max(problems, at + "/fields/" + f, block.path("fields").get(f).path("text"), 2000);
                    }
                    if (block.has("accessory")) {
                        element(problems, at + "/accessory", block.get("accessory"), actionIds);
                    }
                }
                case "context" -> {
                    if (block.path("elements").size() > 10) {
                        problems.add(at + "/elements: more than 10");
                    }
                    for (int e = 0; e < block.path("elements").size(); e++) {
                        max(problems, at + "/elements/" + e, block.path("elements").get(e).path("text"), 3000);
                    }
                }
                case "actions" -> {
                    if (block.path("elements").size() > 25) {
                        problems.add(at + "/elements: more than 25");
                    }
                    for (int e = 0; e < block.path("elements").size(); e++) {
                        element(problems, at + "/elements/" + e, block.path("elements").get(e), actionIds);
                    }
                }
                case "input" -> {
                    max(problems, at + "/label", block.path("label").path("text"), 2000);
                    max(problems, at + "/hint", block.path("hint").path("text"), 2000);
                    element(problems, at + "/element", block.path("element"), new HashSet<>());
                }
                case "divider" -> { }
                default -> problems.add(at + ": unexpected block type " + block.path("type").asText());
            }
        }
    }

    private static void element(List<String> problems, String at, JsonNode element, Set<String> actionIds) {
        max(problems, at + "/action_id", element.path("action_id"), 255);
        String actionId = element.path("action_id").asText(null);
        if (actionId != null && !actionIds.add(actionId)) {
            problems.add(at + ": action_id not unique within the message: " + actionId);
        }
        if (element.path("type").asText().equals("button")) {
            plain(problems, at + "/text", element.path("text"));
            max(problems, at + "/text", element.path("text").path("text"), 75);
            max(problems, at + "/value", element.path("value"), 2000);
            max(problems, at + "/url", element.path("url"), 3000);
            String style = element.path("style").asText("primary");
            if (!style.equals("primary") && !style.equals("danger")) {
                problems.add(at + "/style: " + style);
            }
        }
        JsonNode confirm = element.path("confirm");
        if (confirm.isObject()) {
            max(problems, at + "/confirm/title", confirm.path("title").path("text"), 100);
            max(problems, at + "/confirm/text", confirm.path("text").path("text"), 300);
            max(problems, at + "/confirm/confirm", confirm.path("confirm").path("text"), 30);
            max(problems, at + "/confirm/deny", confirm.path("deny").path("text"), 30);
        }
    }

    private static void plain(List<String> problems, String at, JsonNode text) {
        if (!text.path("type").asText().equals("plain_text")) {
            problems.add(at + ": must be plain_text");
        }
        if (text.path("text").asText().isEmpty()) {
            problems.add(at + ": empty text");
        }
    }

    private static void max(List<String> problems, String at, JsonNode value, int max) {
        if (value.isTextual() && value.asText().length() > max) {
            problems.add(at + ": " + value.asText().length() + " characters > " + max);
        }
    }

    /** Every mention or link in the text that is not one of {@code trusted} (ids 3am itself mentions). */
    static List<String> untrustedSpecials(String text, Set<String> trusted) {
        List<String> found = new ArrayList<>();
        Matcher matcher = SPECIAL.matcher(text);
        while (matcher.find()) {
            if (!trusted.contains(matcher.group())) {
                found.add(matcher.group());
            }
        }
        Matcher bare = BARE_BROADCAST.matcher(text);
        while (bare.find()) {
            found.add(bare.group());
        }
        return found;
    }
}
