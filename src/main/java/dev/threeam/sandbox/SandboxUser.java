package dev.threeam.sandbox;

import java.util.Objects;

/** A person of the sandbox workspace: Slack user id, short name and what they may do (shown in the persona picker). */
public record SandboxUser(String id, String name, String role) {

    public SandboxUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        role = role == null ? "" : role;
    }
}
