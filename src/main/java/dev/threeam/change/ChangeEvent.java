package dev.threeam.change;

import dev.threeam.common.BadInputException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One change to an AI workflow (a prompt version, a model route, an index swap, …), from the API or a Langfuse
 * webhook. It validates itself: required fields are present, free text is cut to {@link #MAX_TEXT} characters
 * with a marker, and the messages of what it refuses name the field ({@code kind: required}).
 *
 * @param id         database id; null until stored
 * @param workflow   the workflow it changed (at most {@link #MAX_WORKFLOW} characters)
 * @param kind       what it touched
 * @param summary    one line for humans ("Prompt v42: shorter refusals")
 * @param from       the version before, or null
 * @param to         the version after, or null
 * @param author     who made it, or null
 * @param url        an http(s) link to the change, or null
 * @param at         when it took effect
 * @param source     {@link #SOURCE_API} or {@link #SOURCE_LANGFUSE}
 * @param externalId the sender's id ({@code langfuse:<event id>}); a second change with the same one is not recorded
 */
public record ChangeEvent(
        Long id,
        String workflow,
        ChangeKind kind,
        String summary,
        String from,
        String to,
        String author,
        String url,
        Instant at,
        String source,
        String externalId) {

    public static final String SOURCE_API = "api";
    public static final String SOURCE_LANGFUSE = "langfuse";
    public static final int MAX_TEXT = 2000;
    public static final int MAX_WORKFLOW = 200;
    public static final int MAX_EXTERNAL_ID = 256;
    static final String TRUNCATED = "… [truncated]";

    public ChangeEvent {
        workflow = required("workflow", workflow);
        if (workflow.length() > MAX_WORKFLOW) {
            throw new BadInputException("workflow: longer than " + MAX_WORKFLOW + " characters");
        }
        if (kind == null) {
            throw new BadInputException("kind: required; expected one of " + ChangeKind.allIds());
        }
        summary = truncate(required("summary", summary));
        from = truncate(optional(from));
        to = truncate(optional(to));
        author = truncate(optional(author));
        url = optional(url);
        if (url != null && !isWebLink(url)) {
            throw new BadInputException("url: expected an http(s) link of at most " + MAX_TEXT + " characters, got \""
                    + truncate(url, 80) + "\"");
        }
        Objects.requireNonNull(at, "at");
        if (!SOURCE_API.equals(source) && !SOURCE_LANGFUSE.equals(source)) {
            throw new BadInputException("source: expected api or langfuse, got \"" + source + "\"");
        }
        externalId = optional(externalId);
        if (externalId != null && externalId.length() > MAX_EXTERNAL_ID) {
            throw new BadInputException("id: longer than " + MAX_EXTERNAL_ID + " characters");
        }
    }

    /** A change from {@code POST /changes}: no id, no external id. */
    public static ChangeEvent fromApi(String workflow, ChangeKind kind, String summary, String from, String to,
                                      String author, String url, Instant at) {
        return new ChangeEvent(null, workflow, kind, summary, from, to, author, url, at, SOURCE_API, null);
    }

    /** This change as stored under {@code id}. */
    public ChangeEvent withId(long id) {
        return new ChangeEvent(id, workflow, kind, summary, from, to, author, url, at, source, externalId);
    }

    /** This change filed under another workflow name (the caller resolved an alias to its workflow). */
    public ChangeEvent withWorkflow(String workflow) {
        return new ChangeEvent(id, workflow, kind, summary, from, to, author, url, at, source, externalId);
    }

    private static String required(String field, String value) {
        String text = optional(value);
        if (text == null) {
            throw new BadInputException(field + ": required");
        }
        return text;
    }

    private static String optional(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    private static boolean isWebLink(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && url.length() <= MAX_TEXT
                && url.chars().noneMatch(Character::isWhitespace);
    }

    private static String truncate(String text) {
        return truncate(text, MAX_TEXT);
    }

    /** {@code text} cut to at most {@code max} characters, the cut marked, a surrogate pair never split. */
    static String truncate(String text, int max) {
        return text == null ? null : dev.threeam.common.Text.shorten(text, max);
    }
}
