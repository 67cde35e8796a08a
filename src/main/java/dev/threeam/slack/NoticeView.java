package dev.threeam.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.threeam.action.ActionService;
import dev.threeam.common.Text;
import dev.threeam.incident.ActionFacts;
import dev.threeam.incident.DeliveryFacts;
import dev.threeam.incident.Fact;
import dev.threeam.incident.LifecycleFacts;
import dev.threeam.incident.AlertFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * A notice in the thread: something that happened, said for the people in the thread. Most facts read as their
 * timeline sentence; some are said more shortly or more loudly here (a page mentions the people it pages), and a
 * failed rollback carries a Retry button. People are named by the thread's {@link SlackText}: in a drill, by their
 * plain names, so "would page" reaches nobody.
 */
final class NoticeView {

    private NoticeView() {}

    static Message render(ThreadContext thread, Fact fact) {
        Message notice = notice(thread, text(thread.text(), fact));
        if (fact instanceof ActionFacts.RollbackFinished rollback && rollback.retryable()) {
            List<LayoutBlock> blocks = new ArrayList<>(notice.blocks());
            blocks.add(actions(a -> a.blockId("retry").elements(List.of(
                    Buttons.button("retry_" + rollback.rollbackId(), "Retry", thread.incident().id(), rollback.rollbackId(), "danger")))));
            return new Message(notice.text(), blocks);
        }
        if (fact instanceof ActionFacts.PageFinished page && page.retryable()) {
            List<LayoutBlock> blocks = new ArrayList<>(notice.blocks());
            blocks.add(actions(a -> a.blockId("retry").elements(List.of(Buttons.button("retry_page_" + page.role() + "_" + page.via().id(),
                    "Retry", thread.incident().id(), ActionService.pageRetryValue(page.role(), page.via()), "primary")))));
            return new Message(notice.text(), blocks);
        }
        return notice;
    }

    /** One line of mrkdwn, already safe. */
    static Message notice(ThreadContext thread, String safeText) {
        String text = thread.drillMark() + safeText;
        return new Message(text, List.of(section(s -> s.text(markdownText(Text.shorten(text, Limits.SECTION))))));
    }

    /** The notice's text; {@code text} names people as this thread must (mentions, or names in a drill). */
    private static String text(SlackText text, Fact fact) {
        if (fact instanceof AlertFacts.Reopened) {
            return ":repeat: Reopened: the alert fired again within the flap window.";
        }
        if (fact instanceof LifecycleFacts.ResumeApproved approved) {
            return ":white_check_mark: Resume approved by " + text.person(approved.by()) + ". The incident may be resolved.";
        }
        if (fact instanceof ActionFacts.PageFinished page) {
            return page(text, page);
        }
        if (fact instanceof dev.threeam.incident.TriageFacts.RuleProposed rule) {
            return ":bulb: To classify alerts like this one as *" + rule.failureType().id() + "* next time, add this rule to the "
                    + "runbook of " + Text.escape(rule.workflow()) + " under `classify:` (3am never edits runbooks: they stay in git):\n```"
                    + Text.escape(rule.yaml()) + "```";
        }
        if (fact instanceof DeliveryFacts.DrillScored scored) {
            return text.render(scored.scorecard());
        }
        return text.render(fact.sentence());
    }

    private static String page(SlackText text, ActionFacts.PageFinished page) {
        if (page.via() == ActionFacts.Via.SLACK) {
            return (page.result() == ActionFacts.Result.WOULD_HAVE ? "Would page " : ":rotating_light: Paging ")
                    + "*" + Text.escape(page.role()) + "*: " + text.people(page.targets());
        }
        String said = text.render(page.sentence());
        return switch (page.result()) {
            case DONE -> ":pager: " + said;
            case NOT_SET, WOULD_CALL -> ":information_source: " + said;
            default -> ":x: " + said;
        };
    }
}
