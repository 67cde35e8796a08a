package dev.threeam.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.threeam.common.Mrkdwn;
import dev.threeam.change.ChangeEvent;
import dev.threeam.change.RankedChange;
import dev.threeam.classify.FailureType;
import dev.threeam.incident.Incident;
import dev.threeam.runbook.Runbook;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The replies under the card that are not questions: recent changes, the runbook section, notices. */
public final class ThreadViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final QuestionViews questions;

    public ThreadViews(QuestionViews questions) {
        this.questions = questions;
    }

    /** Renders the message playing {@code role} in the thread. */
    public Message render(ThreadContext thread, String role, Map<String, Object> details) {
        return switch (role) {
            case "card" -> CardView.render(thread);
            case "changes" -> changes(thread);
            case "runbook" -> runbook(thread);
            case "q1", "q2", "q3", "q4", "q5" -> questions.render(thread, role);
            default -> details.get("retry") == null ? notice(thread, String.valueOf(details.getOrDefault("text", "")))
                    : failedWithRetry(thread, String.valueOf(details.get("text")), String.valueOf(details.get("retry")));
        };
    }

    private static Message failedWithRetry(ThreadContext thread, String safeText, String rollbackId) {
        Message notice = notice(thread, safeText);
        List<LayoutBlock> blocks = new ArrayList<>(notice.blocks());
        blocks.add(com.slack.api.model.block.Blocks.actions(a -> a.blockId("retry").elements(List.of(
                Buttons.button("retry_" + rollbackId, "Retry", thread.incident().id(), rollbackId, "danger")))));
        return new Message(notice.text(), blocks);
    }

    static Message notice(ThreadContext thread, String safeText) {
        String text = thread.drillMark() + safeText;
        return new Message(text, List.of(section(s -> s.text(markdownText(Mrkdwn.truncate(text, Limits.SECTION))))));
    }

    private static Message changes(ThreadContext thread) {
        Incident incident = thread.incident();
        List<LayoutBlock> blocks = new ArrayList<>();
        if (thread.changes().isEmpty()) {
            String none = thread.drillMark() + "*Recent changes:* none recorded for " + Mrkdwn.escape(incident.workflow() == null ? "this alert" : incident.workflow())
                    + " in the look-back window. Record them with `POST /changes` so the next incident shows them.";
            return new Message(none, List.of(section(s -> s.text(markdownText(none)))));
        }
        String head = thread.drillMark() + "*Recent changes* to " + Mrkdwn.escape(incident.workflow()) + ", most relevant to a "
                + incident.type().title().toLowerCase() + " first:";
        blocks.add(section(s -> s.text(markdownText(head))));
        for (RankedChange ranked : thread.changes()) {
            ChangeEvent change = ranked.change();
            String line = "• *" + change.kind().id() + "*: " + Mrkdwn.escape(change.summary(), 500)
                    + (change.from() != null || change.to() != null
                            ? " (" + Mrkdwn.escape(String.valueOf(change.from())) + " → " + Mrkdwn.escape(String.valueOf(change.to())) + ")" : "")
                    + "\n   by " + Mrkdwn.escape(change.author() == null ? "unknown" : change.author()) + ", " + WHEN.format(change.at())
                    + (change.url() != null ? " · " + Mrkdwn.escape(change.url(), 500) : "");
            blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(line, Limits.SECTION)))));
        }
        return new Message(head, blocks);
    }

    private static Message runbook(ThreadContext thread) {
        FailureType type = thread.incident().type();
        if (thread.runbook().isEmpty()) {
            String text = thread.drillMark() + "*Runbook:* no runbook matched this alert, so no owner or rollback is known. "
                    + "Add a runbook whose `workflow` or `aliases` name it.";
            return new Message(text, List.of(section(s -> s.text(markdownText(text)))));
        }
        Runbook book = thread.runbook().get();
        List<LayoutBlock> blocks = new ArrayList<>();
        String head = thread.drillMark() + "*Runbook — " + Mrkdwn.escape(book.title() == null ? book.workflow() : book.title()) + ": "
                + type.title() + "*  (owner: " + Mrkdwn.escape(book.owningRole(type).orElse("none")) + ")";
        String body = book.section(type).map(section -> Mrkdwn.escape(section.strip()))
                .orElse("_The runbook has no `## " + type.title() + "` section._");
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.truncate(head + "\n" + body, Limits.SECTION)))));
        if (!book.knownLimits().isEmpty()) {
            String limits = "*Known limits:*\n" + String.join("\n", book.knownLimits().stream().map(limit -> "• " + Mrkdwn.escape(limit)).toList());
            blocks.add(context(c -> c.elements(List.of(markdownText(Mrkdwn.truncate(limits, Limits.CONTEXT))))));
        }
        return new Message(head, blocks);
    }
}
