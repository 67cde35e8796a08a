package dev.threeam.slack;

import dev.threeam.common.Sentence;
import dev.threeam.common.Text;
import dev.threeam.incident.Incident;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders the domain's sentences as Slack mrkdwn: outside text escaped (it can never mention or link) and cut to its
 * limit, emphasis in mrkdwn, the sentence's tone as an emoji in front, and people the way the message must name them.
 * In a real incident people are mentions ({@code <@U…>}, {@code <!subteam^S…>}): naming someone there is meant to
 * reach them. In a drill they are plain names ({@link SlackNames}), so a drill never notifies anyone. Every view of
 * an incident's thread gets its {@code SlackText} from {@link ThreadContext#text()}, chosen once per incident.
 */
public final class SlackText {

    /** People as mentions: for real incidents, and for text that belongs to no incident. */
    public static final SlackText MENTIONS = new SlackText(SlackText::mention);

    private final Function<String, String> person;

    private SlackText(Function<String, String> person) {
        this.person = person;
    }

    /** People by their plain names, escaped: nobody named is notified. */
    public static SlackText names(SlackNames names) {
        return new SlackText(id -> id == null || id.equals("3am") ? "3am" : Text.escape(names.of(id)));
    }

    /** Mentions in a real incident, plain names in a drill. */
    public static SlackText forIncident(Incident incident, SlackNames names) {
        return incident.drill() ? names(names) : MENTIONS;
    }

    public String render(Sentence sentence) {
        return emoji(sentence.tone()) + sentence.render(this::part);
    }

    /** One user or user group, as this text names people. */
    public String person(String id) {
        return person.apply(id);
    }

    /** Several, separated by spaces. */
    public String people(List<String> ids) {
        return ids.stream().map(this::person).collect(Collectors.joining(" "));
    }

    /** A mention of a Slack user or user group we trust (it came from Slack or a runbook, not from an alert). */
    private static String mention(String id) {
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

    private String part(Sentence.Part part) {
        if (part instanceof Sentence.Words words) {
            return words.text();
        }
        if (part instanceof Sentence.Person someone) {
            return person(someone.id());
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
