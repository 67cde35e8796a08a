package dev.threeam.incident;

import dev.threeam.common.Identified;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The five questions every incident asks, in order; ids {@code q1} … {@code q5}. */
public enum Question implements Identified {
    Q1("Is the failure in model output, retrieval, tool execution, policy, cost or latency?", "Where is the failure?"),
    Q2("Did a prompt, model route, retrieval index, tool schema or data source change recently?", "What changed?"),
    Q3("Is there a feature flag or route-level rollback?", "Rollback?"),
    Q4("Is a human reviewer or domain owner needed before service resumes?", "Human reviewer needed before resuming?"),
    Q5("Should the failed examples enter the blocking set, monitoring set, or backlog?", "Where do the failed examples go?");

    private final String text;
    private final String shortText;

    Question(String text, String shortText) {
        this.text = text;
        this.shortText = shortText;
    }

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The question as every thread asks it. */
    public String text() {
        return text;
    }

    /** The question in a few words (the postmortem's list). */
    public String shortText() {
        return shortText;
    }

    public int number() {
        return ordinal() + 1;
    }

    public static Optional<Question> fromId(String id) {
        return Arrays.stream(values()).filter(question -> question.id().equalsIgnoreCase(String.valueOf(id))).findFirst();
    }
}
