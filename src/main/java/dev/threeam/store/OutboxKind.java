package dev.threeam.store;

import dev.threeam.common.Identified;
import java.util.Arrays;
import java.util.Locale;

/**
 * What an outbox row asks for. Slack rows of one incident are delivered in order (a reply never overtakes the card
 * it threads under); root cards go first when the outbox is behind.
 */
public enum OutboxKind implements Identified {
    POST_CARD(0, true, true),
    UPDATE_CARD(1, false, false), // waits only for its card (the handler checks), never behind the thread's replies
    POST_REPLY(2, true, true),
    UPDATE_MESSAGE(2, true, true),
    DIRECT_MESSAGE(2, false, false),
    POST_CHART(2, true, false), // after the thread's opening replies; a slow or refused upload holds no later reply
    POST_CANVAS(2, false, false), // the postmortem canvas of a resolved incident, then its notice in the thread
    REPLY_TO_SOURCE(2, false, false), // under the message an incident was declared from; waits for the card it links
    PAGE(1, false, false),
    ROLLBACK(1, false, false),
    EVAL(1, false, false),
    DRILL_SCORE(1, false, false),
    SILENCE(1, false, false); // one row per incident at a time (the silences row is queued): no two syncs race

    private final int priority;
    private final boolean ordered;
    private final boolean blocksLater;

    OutboxKind(int priority, boolean ordered, boolean blocksLater) {
        this.priority = priority;
        this.ordered = ordered;
        this.blocksLater = blocksLater;
    }

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int priority() {
        return priority;
    }

    /** Waits for the earlier ordered rows of its incident. */
    public boolean ordered() {
        return ordered;
    }

    /** Later ordered rows of its incident wait for it. */
    public boolean blocksLater() {
        return blocksLater;
    }

    public static OutboxKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    static String idsWhere(java.util.function.Predicate<OutboxKind> test) {
        return String.join(", ", Arrays.stream(values()).filter(test).map(kind -> "'" + kind.id() + "'").toList());
    }
}
