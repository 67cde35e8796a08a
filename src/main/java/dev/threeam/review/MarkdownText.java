package dev.threeam.review;

import dev.threeam.common.Sentence;
import dev.threeam.common.Text;

/**
 * Renders the domain's sentences for a Markdown document. People keep the form Slack shows them in, so a reader of
 * the review can search the thread for them; outside text is shown as it came, cut to its limit.
 */
final class MarkdownText {

    private MarkdownText() {}

    static String render(Sentence sentence) {
        return emoji(sentence.tone()) + sentence.render(MarkdownText::part);
    }

    private static String emoji(Sentence.Tone tone) {
        return switch (tone) {
            case DONE -> ":white_check_mark: ";
            case FAILED -> ":x: ";
            case EVAL_STARTED -> ":test_tube: ";
            case SCORECARD -> ":stopwatch: ";
            default -> "";
        };
    }

    private static String part(Sentence.Part part) {
        if (part instanceof Sentence.Words words) {
            return words.text();
        }
        if (part instanceof Sentence.Person person) {
            return person.id().equals("3am") ? "3am" : "<@" + person.id() + ">";
        }
        if (part instanceof Sentence.Quote quote) {
            return Text.shorten(quote.text(), quote.max());
        }
        if (part instanceof Sentence.Strong strong) {
            return "**" + strong.text() + "**";
        }
        return "`" + ((Sentence.Code) part).text() + "`";
    }
}
