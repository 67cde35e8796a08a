package dev.threeam.sandbox;

/** A channel of the sandbox workspace; direct-message channels start with {@code D}. */
public record SandboxChannel(String id, String name) {

    public boolean isDirectMessage() {
        return id.startsWith("D");
    }
}
