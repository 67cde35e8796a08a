package dev.threeam.common;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One sentence for people, as the domain says it: our own words, the people involved, and quoted outside text,
 * kept apart so that each edge renders them its own way (Slack mrkdwn with mentions or plain names, Markdown, JSON)
 * and no domain class ever writes markup. A {@link Tone} says how it feels (done, failed, paging…), which Slack
 * shows as an emoji.
 */
public record Sentence(Tone tone, List<Part> parts) {

    /** How a sentence reads at a glance; Slack prefixes an emoji, plain text shows nothing. */
    public enum Tone { PLAIN, DONE, FAILED, INFO, PAGING, PAGER, EVAL_STARTED, REOPENED, SCORECARD }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "part")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Words.class, name = "words"),
        @JsonSubTypes.Type(value = Person.class, name = "person"),
        @JsonSubTypes.Type(value = Quote.class, name = "quote"),
        @JsonSubTypes.Type(value = Strong.class, name = "strong"),
        @JsonSubTypes.Type(value = Code.class, name = "code")})
    public sealed interface Part permits Words, Person, Quote, Strong, Code {}

    /** Our own words: never outside text, so never escaped. */
    public record Words(String text) implements Part {}

    /** Someone: a Slack user ({@code U…}, {@code W…}), a user group ({@code S…}), or 3am itself. */
    public record Person(String id) implements Part {}

    /** Text from outside (an alert, a change, a runbook): escaped and cut to {@code max} characters where shown. */
    public record Quote(String text, int max) implements Part {}

    /** Our own words, emphasised. */
    public record Strong(String text) implements Part {}

    /** An identifier shown as code ({@code retrieval_failure}). */
    public record Code(String text) implements Part {}

    public Sentence {
        tone = tone == null ? Tone.PLAIN : tone;
        parts = List.copyOf(parts);
    }

    public static Sentence of(String words) {
        return new Sentence(Tone.PLAIN, List.of(new Words(words)));
    }

    public static Sentence empty() {
        return new Sentence(Tone.PLAIN, List.of());
    }

    public Sentence then(String words) {
        return with(new Words(words));
    }

    public Sentence person(String id) {
        return with(new Person(id));
    }

    public Sentence quote(String text, int max) {
        return with(new Quote(text == null ? "" : text, max));
    }

    public Sentence quote(String text) {
        return quote(text, Integer.MAX_VALUE);
    }

    public Sentence strong(String words) {
        return with(new Strong(words));
    }

    public Sentence code(String text) {
        return with(new Code(text));
    }

    public Sentence then(Sentence more) {
        List<Part> joined = new ArrayList<>(parts);
        joined.addAll(more.parts());
        return new Sentence(tone == Tone.PLAIN ? more.tone() : tone, joined);
    }

    public Sentence tone(Tone newTone) {
        return new Sentence(newTone, parts);
    }

    /** The sentence with each part rendered by {@code render}, joined. */
    public String render(Function<Part, String> render) {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(render.apply(part)));
        return text.toString();
    }

    /** Plain text, for logs and the database: people by id, outside text as it came (cut). */
    public String plain() {
        return render(part -> {
            if (part instanceof Person person) {
                return person.id();
            }
            if (part instanceof Quote quote) {
                return Text.shorten(quote.text(), quote.max());
            }
            return part instanceof Words words ? words.text() : part instanceof Strong strong ? strong.text() : ((Code) part).text();
        });
    }

    private Sentence with(Part part) {
        List<Part> more = new ArrayList<>(parts);
        more.add(part);
        return new Sentence(tone, more);
    }
}
