package dev.threeam.incident;

import dev.threeam.common.Identified;
import java.util.List;
import java.util.Locale;

/** The messages of an incident's thread, by the part they play: the card, then the replies under it. */
public enum ThreadPart implements Identified {
    CARD,
    CHANGES,
    RUNBOOK,
    Q1,
    Q2,
    Q3,
    Q4,
    Q5,
    /** A one-off reply: something that happened (a rollback done, a page sent), rendered from its timeline entry. */
    NOTICE;

    /** The thread under a new card, in order: what changed, the runbook, then the five questions. */
    public static final List<ThreadPart> OPENING = List.of(CHANGES, RUNBOOK, Q1, Q2, Q3, Q4, Q5);

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ThreadPart of(Question question) {
        return valueOf(question.name());
    }

    /** The question this part asks, if it is one. */
    public java.util.Optional<Question> question() {
        return java.util.Arrays.stream(Question.values()).filter(question -> question.name().equals(name())).findFirst();
    }
}
