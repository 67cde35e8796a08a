package dev.threeam.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.threeam.common.Text;
import dev.threeam.change.ChangeEvent;
import dev.threeam.change.RankedChange;
import dev.threeam.classify.FailureType;
import dev.threeam.incident.Fact;
import dev.threeam.incident.Incident;
import dev.threeam.incident.ThreadPart;
import dev.threeam.runbook.Runbook;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The replies under the card that are not questions: recent changes, the runbook section, notices. */
public final class ThreadViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final QuestionViews questions;
    private final SilenceSelect silence;

    public ThreadViews(QuestionViews questions) {
        this(questions, SilenceSelect.NONE);
    }

    public ThreadViews(QuestionViews questions, SilenceSelect silence) {
        this.questions = questions;
        this.silence = silence;
    }

    /** Renders one of the thread's own parts (the card, the changes, the runbook, a question). */
    public Message render(ThreadContext thread, ThreadPart part) {
        return switch (part) {
            case CARD -> CardView.render(thread, silence);
            case CHANGES -> changes(thread);
            case RUNBOOK -> runbook(thread);
            case NOTICE -> throw new IllegalArgumentException("a notice is rendered from its timeline entry");
            default -> questions.render(thread, part.question().orElseThrow());
        };
    }

    /** A notice: what happened, from its timeline entry. */
    public Message notice(ThreadContext thread, Fact fact) {
        return NoticeView.render(thread, fact);
    }

    /** A notice written before notices referred to timeline entries: its text is already safe mrkdwn. */
    public Message legacyNotice(ThreadContext thread, String safeText) {
        return NoticeView.notice(thread, safeText);
    }

    private static Message changes(ThreadContext thread) {
        Incident incident = thread.incident();
        List<LayoutBlock> blocks = new ArrayList<>();
        if (thread.changes().isEmpty()) {
            String none = thread.drillMark() + "*Recent changes:* none recorded for " + Text.escape(incident.workflow() == null ? "this alert" : incident.workflow())
                    + " in the look-back window. Record them with `POST /changes` so the next incident shows them.";
            return new Message(none, List.of(section(s -> s.text(markdownText(none)))));
        }
        String head = thread.drillMark() + "*Recent changes* to " + Text.escape(incident.workflow()) + ", most relevant to a "
                + incident.type().title().toLowerCase() + " first:";
        blocks.add(section(s -> s.text(markdownText(head))));
        for (RankedChange ranked : thread.changes()) {
            ChangeEvent change = ranked.change();
            String line = "• *" + change.kind().id() + "*: " + Text.escape(change.summary(), 500)
                    + (change.from() != null || change.to() != null
                            ? " (" + Text.escape(String.valueOf(change.from())) + " → " + Text.escape(String.valueOf(change.to())) + ")" : "")
                    + "\n   by " + Text.escape(change.author() == null ? "unknown" : change.author()) + ", " + WHEN.format(change.at())
                    + (change.url() != null ? " · " + Text.escape(change.url(), 500) : "");
            blocks.add(section(s -> s.text(markdownText(Text.shorten(line, Limits.SECTION)))));
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
        String head = thread.drillMark() + "*Runbook — " + Text.escape(book.title() == null ? book.workflow() : book.title()) + ": "
                + type.title() + "*  (owner: " + Text.escape(book.owningRole(type).orElse("none")) + ")";
        String body = book.section(type).map(section -> Text.escape(section.strip()))
                .orElse("_The runbook has no `## " + type.title() + "` section._");
        blocks.add(section(s -> s.text(markdownText(Text.shorten(head + "\n" + body, Limits.SECTION)))));
        if (!book.knownLimits().isEmpty()) {
            String limits = "*Known limits:*\n" + String.join("\n", book.knownLimits().stream().map(limit -> "• " + Text.escape(limit)).toList());
            blocks.add(context(c -> c.elements(List.of(markdownText(Text.shorten(limits, Limits.CONTEXT))))));
        }
        return new Message(head, blocks);
    }
}
