package dev.threeam.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.threeam.common.Text;
import dev.threeam.change.ChangeText;
import dev.threeam.change.RankedChange;
import dev.threeam.classify.FailureType;
import dev.threeam.incident.Answer;
import dev.threeam.incident.Incident;
import dev.threeam.incident.Question;
import dev.threeam.runbook.RollbackFit;
import dev.threeam.runbook.Runbook;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The five questions, asked the same way in every incident: the question in a section, its buttons just below in
 * an actions block whose {@code block_id} is {@code q1} … {@code q5}; once answered, who answered and when.
 */
public final class QuestionViews {

    public static final List<String[]> SETS = List.of(
            new String[] {"blocking", "Blocking set"}, new String[] {"monitoring", "Monitoring set"},
            new String[] {"backlog", "Backlog"}, new String[] {"noise", "Noise"});

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Function<Runbook.Rollback, String> describeRollback;

    public QuestionViews(Function<Runbook.Rollback, String> describeRollback) {
        this.describeRollback = describeRollback;
    }

    public Message render(ThreadContext thread, Question question) {
        int number = question.number();
        Incident incident = thread.incident();
        List<BlockElement> buttons = switch (question) {
            case Q1 -> q1(thread);
            case Q2 -> q2(thread);
            case Q3 -> q3(thread);
            case Q4 -> q4(thread);
            case Q5 -> q5(thread);
        };
        List<LayoutBlock> blocks = new ArrayList<>();
        String prompt = "*" + number + ". " + question.text() + "*" + hint(thread, question);
        String id = question.id();
        blocks.add(section(s -> s.blockId(id + "_text").text(markdownText(Text.shorten(prompt, Limits.SECTION)))));
        // Slack takes 25 elements per actions block: more buttons (a runbook with many rollbacks) continue in
        // q3_2, q3_3 … so none is dropped, "No rollback" included
        for (int start = 0; start < buttons.size(); start += 25) {
            String blockId = start == 0 ? id : id + "_" + (start / 25 + 1);
            List<BlockElement> row = buttons.subList(start, Math.min(buttons.size(), start + 25));
            blocks.add(actions(a -> a.blockId(blockId).elements(row)));
        }
        Optional<Answer> answer = thread.answer(question);
        answer.ifPresent(given -> blocks.add(context(c -> c.elements(List.of(markdownText(Text.shorten(
                ":white_check_mark: Answered by " + thread.text().person(given.byUser()) + " at " + TIME.format(given.at()) + ": *"
                        + Text.escape(given.label()) + "*", Limits.CONTEXT)))))));
        String text = thread.drillMark() + incident.id() + " Q" + number + ": " + question.text()
                + answer.map(given -> " Answered: " + Text.escape(given.label())).orElse("");
        return new Message(text, blocks);
    }

    private static String hint(ThreadContext thread, Question question) {
        return switch (question) {
            case Q2 -> thread.changes().isEmpty() ? "\n_No change to this workflow was recorded in its look-back window._" : "";
            case Q3 -> fit(thread).none() ? "\n_No rollback fits " + thread.incident().type().id() + ": "
                    + Text.escape(fit(thread).whyNone()) + "._" : "";
            case Q4 -> "\n_Yes " + (roles(thread).isEmpty() ? "pages nobody (no role of the runbook is named for "
                    + thread.incident().type().id() + ")" : "pages " + String.join(", ", roles(thread).stream().map(Text::escape).toList()))
                    + " and holds resolution until a reviewer approves._";
            default -> "";
        };
    }

    /** The roles Q4's Yes pages: the current type's escalation roles the runbook has owners for. */
    private static List<String> roles(ThreadContext thread) {
        return thread.runbook().map(book -> book.rolesFor(thread.incident().type()).stream()
                .filter(role -> book.owner(role).isPresent()).toList()).orElse(List.of());
    }

    /**
     * Q4's Yes button: starts with "Yes", says whom it pages ({@code Yes, page reviewer and security}) and fits
     * Slack's 75 characters, naming fewer roles ("and 2 more") when all of them do not.
     */
    static String yesLabel(List<String> roles) {
        if (roles.isEmpty()) {
            return "Yes, hold resolution (nobody to page)";
        }
        for (int named = roles.size(); named >= 1; named--) {
            int more = roles.size() - named;
            List<String> shown = new ArrayList<>(roles.subList(0, named));
            if (more > 0) {
                shown.add(more + " more");
            }
            String label = "Yes, page " + (shown.size() == 1 ? shown.get(0)
                    : String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1));
            if (label.length() <= Limits.BUTTON) {
                return label;
            }
        }
        return Limits.plain("Yes, page " + roles.get(0), Limits.BUTTON);
    }

    /** Which rollbacks fit the incident's current type (the one rule check and the drill scorer use too). */
    private static RollbackFit fit(ThreadContext thread) {
        return thread.runbook().map(book -> RollbackFit.of(book, thread.incident().type()))
                .orElse(RollbackFit.noRunbook(thread.incident().type()));
    }

    private static List<BlockElement> q1(ThreadContext thread) {
        String marked = thread.answer(Question.Q1).map(Answer::value).orElse(thread.incident().type().id());
        List<BlockElement> buttons = new ArrayList<>();
        for (FailureType type : q1Order(thread)) {
            buttons.add(Buttons.button("q1_" + type.id(), type.buttonLabel(), thread.incident().id(), type.id(),
                    type.id().equals(marked) ? "primary" : null));
        }
        return buttons;
    }

    /** The chosen type first, then a runner-up the classifier weighed, then the others. */
    private static List<FailureType> q1Order(ThreadContext thread) {
        List<FailureType> order = new ArrayList<>();
        FailureType chosen = thread.incident().type();
        if (chosen != FailureType.UNCLASSIFIED) {
            order.add(chosen);
        }
        thread.incident().classification().runnerUp().filter(type -> !order.contains(type)).ifPresent(order::add);
        for (FailureType type : FailureType.classified()) {
            if (!order.contains(type)) {
                order.add(type);
            }
        }
        return order;
    }

    private static List<BlockElement> q2(ThreadContext thread) {
        String marked = thread.answer(Question.Q2).map(Answer::value).orElse("");
        List<BlockElement> buttons = new ArrayList<>();
        for (RankedChange ranked : thread.changes()) {
            String id = String.valueOf(ranked.change().id());
            buttons.add(Buttons.button("q2_" + id, ChangeText.oneLine(ranked.change()), thread.incident().id(), id,
                    id.equals(marked) ? "primary" : null));
        }
        buttons.add(Buttons.button("q2_none", "None of these", thread.incident().id(), "none", "none".equals(marked) ? "primary" : null));
        return buttons;
    }

    private List<BlockElement> q3(ThreadContext thread) {
        List<BlockElement> buttons = new ArrayList<>();
        FailureType type = thread.incident().type();
        thread.runbook().ifPresent(book -> {
            for (Runbook.Rollback rollback : RollbackFit.ordered(book, type)) {
                ButtonElement button = Buttons.button("rollback_" + rollback.id(), rollback.label(), thread.incident().id(),
                        rollback.id(), RollbackFit.fits(rollback, type) ? "primary" : null);
                buttons.add(Buttons.confirmed(button, rollback.label() + "?", (thread.incident().drill() ? "DRILL: nothing will be called. " : "")
                        + describeRollback.apply(rollback), "Roll back"));
            }
        });
        // where no rollback fits, "No rollback" is the right answer, marked as a fitting rollback would be
        boolean noneFits = fit(thread).none() && type != FailureType.UNCLASSIFIED;
        String marked = thread.answer(Question.Q3).map(Answer::value).orElse(noneFits ? "none" : "");
        buttons.add(Buttons.button("q3_none", "No rollback", thread.incident().id(), "none", "none".equals(marked) ? "primary" : null));
        return buttons;
    }

    private static List<BlockElement> q4(ThreadContext thread) {
        String marked = thread.answer(Question.Q4).map(Answer::value).orElse("");
        List<String> roles = roles(thread);
        String pages = roles.isEmpty() ? "Pages nobody (no role of the runbook is named for this type)"
                : "Pages " + String.join(", ", roles.stream().map(Text::escape).toList());
        return List.of(
                Buttons.confirmed(Buttons.button("q4_yes", yesLabel(roles), thread.incident().id(), "yes",
                        "yes".equals(marked) ? "primary" : "danger"), "Page and hold resolution?",
                        (thread.incident().drill() ? "DRILL: nobody will be paged. " : "") + pages
                                + " and refuses resolve until a reviewer presses Approve resume.", "Page them"),
                Buttons.button("q4_no", "No", thread.incident().id(), "no", "no".equals(marked) ? "primary" : null));
    }

    private static List<BlockElement> q5(ThreadContext thread) {
        String marked = thread.answer(Question.Q5).map(Answer::value).orElse("");
        List<BlockElement> buttons = new ArrayList<>();
        for (String[] set : SETS) {
            buttons.add(Buttons.button("q5_" + set[0], set[1], thread.incident().id(), set[0], set[0].equals(marked) ? "primary" : null));
        }
        return buttons;
    }
}
