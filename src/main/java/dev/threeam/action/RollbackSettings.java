package dev.threeam.action;

import dev.threeam.common.BadInputException;
import dev.threeam.runbook.Runbook;
import java.util.Locale;
import java.util.Map;

/** Typed reads of a rollback's provider block; a missing value names the rollback and the key. */
final class RollbackSettings {

    private final Runbook.Rollback rollback;

    RollbackSettings(Runbook.Rollback rollback) {
        this.rollback = rollback;
    }

    /** The value as text, or {@code fallback} when it is absent or blank. */
    String text(String key, String fallback) {
        Object value = rollback.settings().get(key);
        if (value == null || value instanceof Map || String.valueOf(value).isBlank()) {
            return fallback;
        }
        return String.valueOf(value).trim();
    }

    String required(String key) {
        String value = text(key, null);
        if (value == null) {
            throw new BadInputException(where(key) + " is missing");
        }
        return value;
    }

    /** {@code on} or {@code off} (default {@code off}: a rollback usually turns something off). */
    String action() {
        String action = text("action", "off").toLowerCase(Locale.ROOT);
        if (!action.equals("on") && !action.equals("off")) {
            throw new BadInputException(where("action") + ": expected \"on\" or \"off\", got \"" + action + "\"");
        }
        return action;
    }

    /** {@code rollback rag-v2-off: launchdarkly.flag} */
    String where(String key) {
        return "rollback " + rollback.id() + ": " + rollback.provider() + "." + key;
    }
}
