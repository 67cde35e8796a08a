package dev.threeam.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import dev.threeam.common.Text;
import dev.threeam.action.ActionRecord;
import dev.threeam.incident.Incident;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The incident card: the root message, the one place a manager looks. Redrawn in place on every change.
 */
public final class CardView {

    private CardView() {}

    public static Message render(ThreadContext thread) {
        return render(thread, SilenceSelect.NONE);
    }

    public static Message render(ThreadContext thread, SilenceSelect silence) {
        Incident incident = thread.incident();
        List<LayoutBlock> blocks = new ArrayList<>();
        String icon = incident.open() ? ":rotating_light:" : ":white_check_mark:";
        blocks.add(header(h -> h.text(plainText(Limits.plain(thread.drillMark() + incident.id() + " · " + incident.title(), Limits.HEADER), true))));
        List<TextObject> fields = new ArrayList<>();
        fields.add(field("Workflow", incident.workflow() == null ? "_no runbook matched_" : Text.escape(incident.workflow())));
        fields.add(field("Failure type", "`" + incident.type().id() + "`" + confidence(incident)));
        fields.add(field("Severity", incident.severity().id()));
        fields.add(field("Status", icon + " " + incident.status().id() + gate(incident)));
        fields.add(field("Owner", Text.escape(thread.ownerRole()) + (incident.acknowledgedBy() != null
                ? " · acknowledged by " + thread.text().person(incident.acknowledgedBy()) : " · not acknowledged")));
        fields.add(field("Alerts", incident.alertCount() + (incident.alertCount() == 1 ? " notification" : " notifications")));
        fields.add(field("Open for", duration(incident.age(thread.now()))));
        fields.add(field("Five questions", thread.answers().size() + "/5 answered"));
        blocks.add(section(s -> s.fields(fields)));
        blocks.add(section(s -> s.text(markdownText(Text.shorten("*Evidence:* " + evidence(thread) + lookup(incident), Limits.SECTION)))));
        List<ActionRecord> actions = thread.actions();
        String taken = actions.isEmpty() ? "No actions taken yet." : "Actions: " + String.join(" · ",
                actions.stream().map(action -> action(thread.text(), action)).toList());
        blocks.add(context(c -> c.elements(List.of(markdownText(Text.shorten(taken, Limits.CONTEXT))))));
        if (incident.open()) {
            List<BlockElement> elements = buttons(thread);
            silence.render(incident).ifPresent(elements::add);
            blocks.add(actions(a -> a.blockId("card").elements(elements)));
        } else { // the lifecycle is over: what is left is the review
            blocks.add(actions(a -> a.blockId("review").elements(List.of(
                    Buttons.button("postmortem", "Postmortem", incident.id(), "canvas", null)))));
        }
        String text = thread.drillMark() + incident.id() + " [" + incident.severity().id() + "] " + incident.type().id() + ": "
                + Text.escape(incident.title(), 500) + " — " + incident.status().id();
        return new Message(text, blocks);
    }

    private static List<BlockElement> buttons(ThreadContext thread) {
        Incident incident = thread.incident();
        List<BlockElement> buttons = new ArrayList<>();
        if (incident.acknowledgedAt() == null) {
            buttons.add(Buttons.button("ack", "Acknowledge", incident.id(), "ack", "primary"));
        }
        if (incident.mitigatedAt() == null) {
            buttons.add(Buttons.button("mitigate", "Mitigated", incident.id(), "mitigated", null));
        }
        buttons.add(Buttons.confirmed(Buttons.button("resolve", "Resolve", incident.id(), "resolve", "danger"),
                "Resolve " + incident.id() + "?", "Marks the incident resolved and tells its pagers.", "Resolve"));
        buttons.add(Buttons.button("page_owner", "Page owner", incident.id(), "page", null));
        if (thread.runbook().map(book -> book.eval() != null).orElse(false)) {
            buttons.add(Buttons.button("rerun_eval", "Rerun eval", incident.id(), "eval", null));
        }
        if (incident.gateClosed()) {
            buttons.add(Buttons.button("approve_resume", "Approve resume", incident.id(), "approve", "primary"));
        }
        return buttons;
    }

    private static TextObject field(String name, String value) {
        return markdownText(Text.shorten("*" + name + "*\n" + value, Limits.FIELD));
    }

    private static String confidence(Incident incident) {
        if (incident.type() == dev.threeam.classify.FailureType.UNCLASSIFIED) {
            return " — pick the type on Q1";
        }
        String sure = " (" + Math.round(incident.classification().confidence() * 100) + "%)";
        return incident.classification().runnerUpIsClose() && incident.correctedBy() == null
                ? sure + " — or `" + incident.classification().runnerUp().orElseThrow().id() + "`: the evidence fits both"
                : sure;
    }

    /** The classifier's evidence, or who set the type on Q1 and what the classifier had said. */
    static String evidence(ThreadContext thread) {
        Incident incident = thread.incident();
        String evidence = Text.escape(incident.classification().evidence());
        return incident.correctedBy() == null ? evidence
                : "set by " + thread.text().person(incident.correctedBy()) + " on Q1 (" + evidence + ")";
    }

    private static String gate(Incident incident) {
        if (incident.gateClosed()) {
            return " · :lock: resume waits for a reviewer";
        }
        return incident.gate() == dev.threeam.incident.ResumeGate.APPROVED ? " · resume approved" : "";
    }

    private static String lookup(Incident incident) {
        return incident.lookupNote() == null ? "" : "\n*No runbook:* " + Text.escape(incident.lookupNote());
    }

    private static String action(SlackText text, ActionRecord action) {
        return Text.escape(action.kind().id() + " " + action.target()) + ": " + action.status().id() + " (" + text.person(action.byUser()) + ")";
    }

    static String duration(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return duration.toSeconds() + " s";
        }
        if (minutes < 120) {
            return minutes + " min";
        }
        return duration.toHours() + " h " + (minutes % 60) + " min";
    }
}
