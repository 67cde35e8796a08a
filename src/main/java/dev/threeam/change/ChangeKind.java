package dev.threeam.change;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a change touched. Ids ({@code prompt}, {@code model_route}, …) are used in the API, runbooks and the database. */
public enum ChangeKind implements dev.threeam.common.Identified {
    PROMPT,
    MODEL_ROUTE,
    RETRIEVAL_INDEX,
    TOOL_SCHEMA,
    DATA_SOURCE,
    FEATURE_FLAG,
    DEPLOY;

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this id; case, surrounding blanks and {@code -} for {@code _} are forgiven. */
    public static Optional<ChangeKind> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(kind -> kind.id().equals(wanted)).findFirst();
    }

    /** Every id, comma separated, for error messages. */
    public static String allIds() {
        return String.join(", ", Arrays.stream(values()).map(ChangeKind::id).toList());
    }
}
