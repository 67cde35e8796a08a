package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** A message only {@code user} sees, in {@code channel} (inside a thread when {@code threadTs} is set). */
public record SandboxEphemeral(String ts, String channel, String user, String text, JsonNode blocks, String threadTs) {

    SandboxEphemeral replaced(String newText, JsonNode newBlocks) {
        return new SandboxEphemeral(ts, channel, user, newText, newBlocks, threadTs);
    }
}
