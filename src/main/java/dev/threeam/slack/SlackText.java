package dev.threeam.slack;

import dev.threeam.common.Sentence;
import dev.threeam.common.Text;

/**
 * Renders the domain's sentences as Slack mrkdwn: people as mentions ({@code <@U…>}, {@code <!subteam^S…>}), outside
 * text escaped (it can never mention or link) and cut to its limit, emphasis in mrkdwn, and the sentence's tone as an
 * emoji in front.
 */
public final class SlackText {

    private SlackText() {}

    public static String render(Sentence sentence) {
        return emoji(sentence.tone()) + sentence.render(SlackText::part);
    }

    /** A mention of a Slack user or user group we trust (it came from Slack or a runbook, not from an alert). */
    public static String mention(String id) {
        if (id == null || id.equals("3am")) {
            return "3am";
        }
        return id.startsWith("S") ? "<!subteam^" + id + ">" : "<@" + id + ">";
    }

    static String emoji(Sentence.Tone tone) {
        return switch (tone) {
            case DONE -> ":white_check_mark: ";
            case FAILED -> ":x: ";
            case INFO -> ":information_source: ";
            case PAGING -> ":rotating_light: ";
            case PAGER -> ":pager: ";
            case EVAL_STARTED -> ":test_tube: ";
            case REOPENED -> ":repeat: ";
            case SCORECARD -> ":stopwatch: ";
            case PLAIN -> "";
        };
    }

    private static String part(Sentence.Part part) {
        if (part instanceof Sentence.Words words) {
            return words.text();
        }
        if (part instanceof Sentence.Person person) {
            return mention(person.id());
        }
        if (part instanceof Sentence.Quote quote) {
            return Text.escape(quote.text(), quote.max());
        }
        if (part instanceof Sentence.Strong strong) {
            return "*" + strong.text() + "*";
        }
        return "`" + ((Sentence.Code) part).text() + "`";
    }
}
