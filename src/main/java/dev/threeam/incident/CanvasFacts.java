package dev.threeam.incident;

import dev.threeam.common.Sentence;
import java.util.List;

/** The postmortem canvas of a resolved incident: asked for, shared in the channel, or refused by the workspace. */
public final class CanvasFacts {

    private CanvasFacts() {}

    /**
     * A press of Postmortem: the canvas is asked for once per resolved incident; asked again only after the workspace
     * refused it (the press after a refusal tries again).
     */
    static Outcome request(IncidentUpdate update, String user) {
        Incident incident = update.incident();
        if (incident.open()) {
            return Outcome.refused("The postmortem canvas is made once " + incident.id() + " is resolved.");
        }
        Fact last = update.attach(TimelineStore.class).timeline(incident.id()).stream().map(TimelineEntry::fact)
                .filter(fact -> fact instanceof CanvasRequested || fact instanceof CanvasShared || fact instanceof CanvasRefused)
                .reduce((first, second) -> second).orElse(null);
        if (last instanceof CanvasShared shared) {
            return Outcome.already(Sentence.of("The postmortem canvas of " + incident.id() + " is already in the channel: ")
                    .quote(shared.url() == null ? shared.canvasId() : shared.url(), 500));
        }
        if (last instanceof CanvasRequested requested) {
            return Outcome.already(Sentence.of("The postmortem canvas is already on its way (asked for by ").person(requested.by()).then(")."));
        }
        update.record(user, new CanvasRequested(user));
        update.deliver(new Deliveries.PostCanvas(user));
        return Outcome.done("postmortem canvas asked for");
    }

    /** The canvas created for the latest request and not shared yet, if any. */
    static java.util.Optional<String> pendingCanvas(List<TimelineEntry> timeline) {
        String pending = null;
        for (TimelineEntry entry : timeline) {
            if (entry.fact() instanceof CanvasCreated created) {
                pending = created.canvasId();
            } else if (entry.fact() instanceof CanvasShared || entry.fact() instanceof CanvasRefused) {
                pending = null;
            }
        }
        return java.util.Optional.ofNullable(pending);
    }

    /** Someone pressed Postmortem; the canvas is on its way. */
    public record CanvasRequested(String by) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Postmortem canvas asked for by ").person(by);
        }
    }

    /** Slack created the canvas (not yet shared): a retried delivery shares this one rather than making another. */
    public record CanvasCreated(String canvasId) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Postmortem canvas created: ").quote(canvasId, 100);
        }
    }

    /** The canvas exists and the channel can read it ({@code url} may be null when Slack gave no link). */
    public record CanvasShared(String canvasId, String url, String by) implements Fact {
        @Override
        public Sentence sentence() {
            Sentence said = Sentence.of("Postmortem canvas shared in the channel: ");
            return (url == null ? said.then("canvas ").quote(canvasId, 100) : said.quote(url, 500)).tone(Sentence.Tone.DONE);
        }
    }

    /** The workspace would not create or share the canvas ({@code code}: Slack's error; {@code why}: what it means). */
    public record CanvasRefused(String code, String why, String draftUrl, String by) implements Fact {
        @Override
        public Sentence sentence() {
            return Sentence.of("Slack would not create the postmortem canvas (").quote(code, 100).then(": " + why + "); the draft: ")
                    .quote(draftUrl, 500).tone(Sentence.Tone.INFO);
        }
    }
}
