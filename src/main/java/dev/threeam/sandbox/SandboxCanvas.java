package dev.threeam.sandbox;

import java.util.List;

/** A canvas the bot created ({@code canvases.create}): its Markdown, and the channels it was shared with. */
public record SandboxCanvas(String id, String title, String markdown, List<String> channels) {

    public SandboxCanvas {
        channels = List.copyOf(channels);
    }

    /** Where Slack shows it: {@code https://<domain>.slack.com/docs/<team>/<canvas>}. */
    public String url() {
        return "https://" + SandboxWorkspace.TEAM_DOMAIN + ".slack.com/docs/" + SandboxWorkspace.TEAM_ID + "/" + id;
    }
}
