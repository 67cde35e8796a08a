package dev.threeam.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A modal or Home tab view as Slack holds it: the app's view JSON plus {@code id}, {@code hash}, {@code state}. */
public record SandboxView(String id, String user, ObjectNode view) {

    public String type() {
        return view.path("type").asText("modal");
    }
}
