package dev.threeam.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The canvases the bot created in the sandbox workspace, and the channels each is shared with. Thread-safe. */
public final class SandboxCanvases {

    private final Map<String, SandboxCanvas> canvases = new LinkedHashMap<>();

    synchronized SandboxCanvas create(String title, String markdown) {
        String id = String.format("F0CANVAS%03d", canvases.size() + 1);
        SandboxCanvas canvas = new SandboxCanvas(id, title, markdown, List.of());
        canvases.put(id, canvas);
        return canvas;
    }

    synchronized void share(String id, List<String> channels) {
        SandboxCanvas canvas = find(id).orElseThrow(() -> new SlackApiError("canvas_not_found"));
        List<String> shared = new ArrayList<>(canvas.channels());
        channels.stream().filter(channel -> !shared.contains(channel)).forEach(shared::add);
        canvases.put(id, new SandboxCanvas(id, canvas.title(), canvas.markdown(), shared));
    }

    public synchronized Optional<SandboxCanvas> find(String id) {
        return Optional.ofNullable(canvases.get(id));
    }

    /** Oldest first. */
    public synchronized List<SandboxCanvas> all() {
        return List.copyOf(canvases.values());
    }
}
