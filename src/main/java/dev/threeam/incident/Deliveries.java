package dev.threeam.incident;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.threeam.store.OutboxKind;
import dev.threeam.store.OutboxPayload;
import java.util.List;

/** The side effects an incident asks for through the outbox, one record per kind. */
public final class Deliveries {

    private Deliveries() {}

    /** Post the card (the root of the thread). */
    public record PostCard() implements OutboxPayload {
        @Override
        public OutboxKind kind() {
            return OutboxKind.POST_CARD;
        }
    }

    /** Redraw the card in place (coalesced; see {@code Outbox.redrawCard}). */
    public record RedrawCard(boolean again) implements OutboxPayload {
        @Override
        public OutboxKind kind() {
            return OutboxKind.UPDATE_CARD;
        }
    }

    /**
     * A reply in the thread: one of its opening parts, or a notice of timeline entry {@code entry}. {@code text} is
     * only read from rows written before notices referred to entries.
     */
    public record PostReply(@JsonAlias("role") ThreadPart part, Long entry, String text) implements OutboxPayload {
        public static PostReply of(ThreadPart part) {
            return new PostReply(part, null, null);
        }

        public static PostReply notice(TimelineEntry entry) {
            return new PostReply(ThreadPart.NOTICE, entry.id(), null);
        }

        @Override
        public OutboxKind kind() {
            return OutboxKind.POST_REPLY;
        }
    }

    /** Redraw a message already posted in the thread (a question once answered). */
    public record RedrawMessage(@JsonAlias("role") ThreadPart part) implements OutboxPayload {
        @Override
        public OutboxKind kind() {
            return OutboxKind.UPDATE_MESSAGE;
        }
    }

    /** A direct message to the first person of a paged role. */
    public record DirectMessage(String user, String role) implements OutboxPayload {
        @Override
        public OutboxKind kind() {
            return OutboxKind.DIRECT_MESSAGE;
        }
    }

    /**
     * Page people. {@code TRIGGER} pages {@code roles}; {@code ESCALATE} every role of the incident's failure type;
     * {@code ACKNOWLEDGE} and {@code RESOLVE} tell the pagers already triggered. {@code request}: the action row of
     * a "Page owner" press, finished once the pages are out.
     */
    public record Page(Event event, List<String> roles, String by, String request) implements OutboxPayload {

        public enum Event { TRIGGER, ESCALATE, ACKNOWLEDGE, RESOLVE }

        public Page {
            roles = roles == null ? List.of() : List.copyOf(roles);
            by = by == null ? TimelineEntry.BOT : by;
        }

        @Override
        public OutboxKind kind() {
            return OutboxKind.PAGE;
        }
    }

    /** Make the postmortem canvas of a resolved incident and share it in its channel ({@code by}: who pressed). */
    public record PostCanvas(String by) implements OutboxPayload {
        @Override
        public OutboxKind kind() {
            return OutboxKind.POST_CANVAS;
        }
    }

    /** A threaded reply under the message an incident was declared from, linking the incident ({@code by}: who declared). */
    public record ReplyToSource(String channel, String ts, String by) implements OutboxPayload {
        @Override
        public OutboxKind kind() {
            return OutboxKind.REPLY_TO_SOURCE;
        }
    }

    /** A drill ended: score it. */
    public record ScoreDrill() implements OutboxPayload {
        @Override
        public OutboxKind kind() {
            return OutboxKind.DRILL_SCORE;
        }
    }
}
