package dev.threeam.classify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of AI failure an on-call can be holding. Ids are used in labels, runbooks, the API and the database. */
public enum FailureType implements dev.threeam.common.Identified {
    QUALITY_DRIFT("Quality drift", "Model output"),
    RETRIEVAL_FAILURE("Retrieval failure", "Retrieval"),
    TOOL_FAILURE("Tool failure", "Tool"),
    POLICY_FAILURE("Policy failure", "Policy"),
    COST_FAILURE("Cost failure", "Cost"),
    LATENCY_FAILURE("Latency failure", "Latency"),
    PROVIDER_OUTAGE("Provider outage", "Provider outage"),
    UNCLASSIFIED("Unclassified", "Unclassified");

    private final String title;
    private final String buttonLabel;

    FailureType(String title, String buttonLabel) {
        this.title = title;
        this.buttonLabel = buttonLabel;
    }

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The heading of the runbook section for this type ({@code ## Retrieval failure}). */
    public String title() {
        return title;
    }

    /** The label of this type's Q1 button. */
    public String buttonLabel() {
        return buttonLabel;
    }

    public static Optional<FailureType> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(type -> type.id().equals(wanted)).findFirst();
    }

    /** Every type an on-call can pick (all but {@code unclassified}). */
    public static FailureType[] classified() {
        return Arrays.stream(values()).filter(type -> type != UNCLASSIFIED).toArray(FailureType[]::new);
    }

    public static String allIds() {
        return String.join(", ", Arrays.stream(values()).map(FailureType::id).toList());
    }
}
