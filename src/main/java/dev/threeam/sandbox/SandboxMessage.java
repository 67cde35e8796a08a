package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message posted by the bot. {@code threadTs} is null for a top-level message; {@code blocks},
 * {@code metadata} ({@code {event_type, event_payload}}) and {@code files} (the files it shares, as Slack shows them)
 * are JSON or null.
 */
public record SandboxMessage(
        String channel, String ts, String threadTs, String user, String text, JsonNode blocks, JsonNode metadata,
        boolean edited, JsonNode files) {

    public SandboxMessage(String channel, String ts, String threadTs, String user, String text, JsonNode blocks, JsonNode metadata,
            boolean edited) {
        this(channel, ts, threadTs, user, text, blocks, metadata, edited, null);
    }

    public boolean isReply() {
        return threadTs != null && !threadTs.equals(ts);
    }

    /** The thread this message belongs to: its own ts for a root. */
    public String threadRoot() {
        return threadTs == null ? ts : threadTs;
    }

    SandboxMessage updated(String newText, JsonNode newBlocks, JsonNode newMetadata) {
        return new SandboxMessage(channel, ts, threadTs, user, newText, newBlocks, newMetadata == null ? metadata : newMetadata, true, files);
    }
}
