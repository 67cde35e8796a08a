package dev.threeam.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threeam.common.Json;
import dev.threeam.sandbox.SandboxMessage;
import dev.threeam.testing.FakeSlack;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Generic alert bodies and readings of what the fake Slack holds, shared by the delivery tests. */
final class Alerts {

    static final String SUPPORT_CHANNEL = "C0SUPPORTCHAT";
    /** The thread under a card, in the order 3am posts it. */
    static final List<String> THREAD = List.of("changes", "runbook", "q1", "q2", "q3", "q4", "q5");

    private Alerts() {}

    static String generic(String workflow, String groupKey, String fingerprint, String title) {
        return Json.write(Map.of("workflow", workflow, "group_key", groupKey, "fingerprint", fingerprint, "title", title,
                "severity", "critical", "labels", Map.of("metric", "faithfulness")));
    }

    static String resolved(String workflow, String groupKey, String fingerprint, String title) {
        return Json.write(Map.of("workflow", workflow, "group_key", groupKey, "fingerprint", fingerprint, "title", title,
                "status", "resolved"));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The role each reply plays, read from its blocks: {@code q1}… by block id, else changes or runbook. */
    static List<String> roles(List<SandboxMessage> replies) {
        List<String> roles = new ArrayList<>();
        for (SandboxMessage reply : replies) {
            String role = null;
            for (JsonNode block : reply.blocks() == null ? List.<JsonNode>of() : (Iterable<JsonNode>) reply.blocks()::elements) {
                String id = block.path("block_id").asText("");
                if (id.matches("q[1-5](_text|_\\d+)?")) {
                    role = id.substring(0, 2);
                    break;
                }
            }
            roles.add(role != null ? role : String.valueOf(reply.text()).contains("Recent changes") ? "changes" : "runbook");
        }
        return roles;
    }

    /** True once the channel holds {@code cards} cards, each with its full thread. */
    static boolean delivered(FakeSlack slack, String channel, int cards) {
        List<SandboxMessage> roots = slack.topLevel(channel);
        return roots.size() == cards && roots.stream().allMatch(root -> slack.replies(channel, root.ts()).size() >= THREAD.size());
    }
}
