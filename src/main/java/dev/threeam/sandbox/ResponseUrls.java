package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code response_url}s handed to the bot, and what a post to one does, as in Slack: {@code replace_original} or
 * {@code delete_original} act on the message pressed, {@code response_type: in_channel} posts in the channel,
 * anything else is an ephemeral message to the person who pressed or typed.
 */
final class ResponseUrls {

    static final String PATH = "/sandbox/response/";

    /** Where answers to one interaction go; {@code messageTs} is null for a slash command. */
    record Target(String user, String channel, String messageTs, String threadTs, boolean ephemeral) {}

    private final SandboxWorkspace workspace;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    ResponseUrls(SandboxWorkspace workspace) {
        this.workspace = workspace;
    }

    /** A new URL under {@code baseUrl} that answers into this target. */
    String issue(String baseUrl, Target target) {
        byte[] id = new byte[12];
        random.nextBytes(id);
        String key = SandboxWorkspace.TEAM_ID + "-" + HexFormat.of().formatHex(id);
        targets.put(key, target);
        return baseUrl + PATH + key;
    }

    Optional<Target> target(String id) {
        return Optional.ofNullable(targets.get(id));
    }

    /** Applies one answer posted to the URL with this id. */
    void answer(Target target, JsonNode answer) {
        String text = SlackJson.text(answer, "text");
        JsonNode blocks = answer.hasNonNull("blocks") ? answer.get("blocks") : null;
        if (answer.path("delete_original").asBoolean(false) && target.messageTs() != null) {
            if (target.ephemeral()) {
                workspace.replaceEphemeral(target.messageTs(), null, null);
            } else {
                workspace.delete(target.channel(), target.messageTs());
            }
            return;
        }
        if (text == null && blocks == null) {
            throw new SlackApiError("no_text");
        }
        if (answer.path("replace_original").asBoolean(false) && target.messageTs() != null) {
            if (target.ephemeral()) {
                workspace.replaceEphemeral(target.messageTs(), text, blocks);
            } else {
                workspace.update(target.channel(), target.messageTs(), text, blocks);
            }
        } else if ("in_channel".equals(SlackJson.text(answer, "response_type"))) {
            String thread = SlackJson.text(answer, "thread_ts");
            workspace.post(target.channel(), thread != null ? thread : target.threadTs(), text, blocks, null);
        } else {
            workspace.postEphemeral(target.channel(), target.user(), text, blocks, target.threadTs());
        }
    }
}
